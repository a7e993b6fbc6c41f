// Staff work on member accounts: listing, roles, trust levels, suspensions. Every change is audited.
import type { AppContext } from '../../context';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/http/cursor';
import { requireRole, type Actor } from '../../platform/http/principal';
import { insertAudit } from '../audit';
import { countAdmins } from './accounts.store';
import { deleteMemberSessions } from './sessions.store';
import type { StaffMemberPatch, StaffMemberQuery, StaffMemberView, SuspensionBody } from './staff.schema';
import { canSuspend, wouldRemoveLastAdmin } from './staff.rules';
import { findStaffMember, listStaffMembers, setRole, setTrustLevel, type StaffMemberRow } from './staff.store';
import { liftSuspensions, suspendUntil } from './suspension.store';

function present(row: StaffMemberRow): StaffMemberView {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    trustLevel: row.trust_level,
    emailConfirmed: row.email_confirmed_at !== null,
    joinedAt: row.joined_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    suspendedUntil: row.suspended_until?.toISOString() ?? null,
    suspensionReason: row.suspension_reason,
  };
}

export function createStaffService(ctx: AppContext) {
  async function load(memberId: number): Promise<StaffMemberRow> {
    const row = await findStaffMember(ctx.database.db, memberId);
    if (!row) throw notFound('Member not found');
    return row;
  }

  return {
    async list(actor: Actor, query: StaffMemberQuery) {
      requireRole(actor, 'moderator', 'Only staff can list members');
      const limit = query.limit ?? 20;
      const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
      const rows = await listStaffMembers(ctx.database.db, { limit, beforeId: beforeId as number | undefined, q: query.q, role: query.role });
      const page = pageOf(rows, limit, (r) => [r.id]);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },

    async update(actor: Actor, memberId: number, patch: StaffMemberPatch, ip: string): Promise<StaffMemberView> {
      const admin = requireRole(actor, 'admin', 'Only admins can change roles and trust levels');
      const before = await load(memberId);
      await ctx.database.tx(async (trx) => {
        if (patch.role !== undefined && patch.role !== before.role) {
          if (wouldRemoveLastAdmin(before.role, patch.role, await countAdmins(trx))) {
            throw new AppError('conflict', 'This is the last admin; make someone else admin first', { field: 'role' });
          }
          await setRole(trx, memberId, patch.role);
          await insertAudit(trx, { actorId: admin.memberId, action: 'member.role', targetType: 'member', targetId: memberId, before: { role: before.role }, after: { role: patch.role }, ip });
        }
        if (patch.trustLevel !== undefined && patch.trustLevel !== before.trust_level) {
          await setTrustLevel(trx, memberId, patch.trustLevel);
          await insertAudit(trx, { actorId: admin.memberId, action: 'member.trustLevel', targetType: 'member', targetId: memberId, before: { trustLevel: before.trust_level }, after: { trustLevel: patch.trustLevel }, ip });
        }
      });
      await ctx.bus.emit('member.credentialsChanged', { memberId });
      return present(await load(memberId));
    },

    async suspend(actor: Actor, memberId: number, body: SuspensionBody, ip: string): Promise<StaffMemberView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can suspend members');
      const until = new Date(body.until);
      if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) throw invalid('until', 'until must be in the future');
      const target = await load(memberId);
      if (!canSuspend(staff, target)) throw forbidden('You cannot suspend this member');
      await ctx.database.tx(async (trx) => {
        await suspendUntil(trx, memberId, until, body.reason, staff.memberId);
        await deleteMemberSessions(trx, memberId);
        await insertAudit(trx, { actorId: staff.memberId, action: 'member.suspend', targetType: 'member', targetId: memberId, reason: body.reason, after: { until: until.toISOString() }, ip });
      });
      await ctx.bus.emit('member.credentialsChanged', { memberId });
      return present(await load(memberId));
    },

    async unsuspend(actor: Actor, memberId: number, ip: string): Promise<StaffMemberView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can lift suspensions');
      const target = await load(memberId);
      // Lifting follows the rule for suspending, so a moderator cannot undo an admin's suspension of another moderator.
      if (!canSuspend(staff, target)) throw forbidden('You cannot lift this member\'s suspension');
      await ctx.database.tx(async (trx) => {
        await liftSuspensions(trx, memberId, staff.memberId);
        await insertAudit(trx, { actorId: staff.memberId, action: 'member.unsuspend', targetType: 'member', targetId: memberId, before: { until: target.suspended_until?.toISOString() ?? null }, ip });
      });
      await ctx.bus.emit('member.credentialsChanged', { memberId });
      return present(await load(memberId));
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
