// Sanctions: warnings, silences, suspensions and bans, with an end time, a guideline and a reason;
// the escalation ladder suggests the next step; every one is audited and the member is told.
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../../platform/http/principal';
import type { Queryable } from '../../../platform/db/database';
import { insertAudit } from '../../audit';
import { deleteMemberSessions } from '../../accounts/sessions.store';
import type { ModerationNotices } from '../notices';
import type { LadderSuggestion, SanctionBody, SanctionView } from './sanctions.schema';
import { describe, endsAt, LADDER_HOURS, maySanction, suggestNext } from './sanctions.rules';
import {
  banAddresses, findSanction, insertSanction, liftSanction, sanctionsOf, setSuspensionReason, shortenSanction, syncAccountLimits, targetAccount, unbanAddresses,
  type SanctionRow,
} from './sanctions.store';
import type { Static } from '@sinclair/typebox';

type Row = Awaited<ReturnType<typeof sanctionsOf>>[number];

/** The escalation ladder's next step after these sanctions (overturned ones do not count). */
const ladderOf = (rows: readonly Row[]) => suggestNext(rows.map((h) => ({ kind: h.kind, overturned: h.appeal_status === 'overturned' })));

export function presentSanction(row: Row | (SanctionRow & { created_by_username?: string | null; appeal_status?: string | null }), now = new Date()): SanctionView {
  return {
    id: row.id,
    memberId: row.member_id,
    kind: row.kind,
    reason: row.reason,
    guideline: row.guideline,
    message: row.message,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    active: row.lifted_at === null && row.kind !== 'warning' && row.ends_at.getTime() > now.getTime(),
    createdBy: row.created_by_username ?? null,
    liftedAt: row.lifted_at?.toISOString() ?? null,
    postId: row.post_id,
    appeal: row.appeal_status ?? null,
  };
}

export interface SanctionContext {
  /** The review item the sanction comes from, if any. */
  reviewItemId?: number | null;
  ip?: string | null;
}

export function createSanctionsService(ctx: AppContext, deps: { notices: ModerationNotices; warn(actor: Actor, username: string, title: string, body: string): Promise<void> }) {
  const db = ctx.database.db;

  /** Writes the sanction inside trx; returns what to do after commit. */
  async function imposeIn(trx: Queryable, by: { memberId: number; role: 'moderator' | 'admin' } | null, memberId: number, body: SanctionBody, context: SanctionContext) {
    const target = await targetAccount(trx, memberId);
    if (!target) throw notFound('Member not found');
    if (by && !maySanction(by, target)) throw new AppError('cannot_sanction_staff', target.role === 'admin' ? 'Admins cannot be sanctioned' : 'You cannot sanction this member');
    const at = new Date();
    // Without hours, the ladder's next step; when the ladder would only warn, its first step (a day).
    const hours = body.kind === 'warning' ? undefined : (body.hours ?? (ladderOf(await sanctionsOf(trx, memberId)).hours || LADDER_HOURS[0]));
    const end = endsAt(body.kind, at, hours);
    const id = await insertSanction(trx, {
      memberId, kind: body.kind, reason: body.reason, guideline: body.guideline, message: body.message ?? null, startsAt: at, endsAt: end, by: by?.memberId ?? null,
      reviewItemId: context.reviewItemId ?? null, postId: body.postId ?? null,
    });
    await syncAccountLimits(trx, memberId, at);
    if (body.kind === 'suspension' || body.kind === 'ban') {
      await setSuspensionReason(trx, memberId, body.reason);
      await deleteMemberSessions(trx, memberId);
    }
    if (body.kind === 'ban') await banAddresses(trx, id, memberId, target.email, end);
    await insertAudit(trx, {
      actorId: by?.memberId ?? null, action: `member.${body.kind === 'warning' ? 'warn' : body.kind === 'silence' ? 'silence' : body.kind === 'ban' ? 'ban' : 'suspend'}`, targetType: 'member', targetId: memberId,
      reason: body.reason, after: { sanctionId: id, kind: body.kind, endsAt: end.toISOString(), guideline: body.guideline, postId: body.postId ?? null }, ip: context.ip ?? null,
    });
    const summary = describe(body.kind, at, end);
    const written = await deps.notices.write(trx, [{
      memberId, title: body.kind === 'warning' ? 'A moderator warned you' : `You were ${summary}`,
      text: `${body.reason} (guideline: ${body.guideline})${body.kind === 'warning' ? '' : `. Until ${end.toISOString()}.`} You can appeal this decision.`,
      url: `/moderation/mine?sanction=${id}`, actorId: by?.memberId ?? null,
    }]);
    return {
      id,
      after: async (actor: Actor) => {
        await deps.notices.announce(written);
        await ctx.bus.emit('member.credentialsChanged', { memberId });
        if (body.kind === 'warning' && actor) {
          await deps.warn(actor, target.username, `A warning from the moderators`, `${body.message ?? body.reason}\n\nGuideline: ${body.guideline}\n\nYou can appeal this warning from your moderation page.`);
        }
      },
    };
  }

  return {
    imposeIn,

    async impose(actor: Actor, memberId: number, body: SanctionBody, context: SanctionContext = {}): Promise<SanctionView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can sanction members');
      const done = await ctx.database.tx((trx) => imposeIn(trx, { memberId: staff.memberId, role: staff.role === 'admin' ? 'admin' : 'moderator' }, memberId, body, context));
      await done.after(actor);
      const row = await findSanction(db, done.id);
      if (!row) throw notFound('Sanction not found');
      return presentSanction(row);
    },

    /** Automod's silence: no moderator, still recorded, audited and told. */
    async silenceByRule(memberId: number, hours: number, reason: string): Promise<void> {
      const done = await ctx.database.tx((trx) => imposeIn(trx, null, memberId, { kind: 'silence', reason, guideline: 'automod', hours }, {}));
      await done.after(null);
    },

    async history(actor: Actor, memberId: number): Promise<{ items: SanctionView[]; suggestion: Static<typeof LadderSuggestion> }> {
      requireRole(actor, 'moderator', 'Only staff can read sanctions');
      const rows = await sanctionsOf(db, memberId);
      return { items: rows.map((r) => presentSanction(r)), suggestion: ladderOf(rows) };
    },

    async mine(actor: Actor): Promise<SanctionView[]> {
      const member = requireRole(actor, 'member', 'Sign in');
      return (await sanctionsOf(db, member.memberId)).map((r) => presentSanction(r));
    },

    /** Lifts a sanction early (inside trx, for appeals as well). */
    async liftIn(trx: Queryable, sanctionId: number, by: number, ip: string | null, action = 'sanction.lift'): Promise<SanctionRow> {
      const row = await findSanction(trx, sanctionId);
      if (!row) throw notFound('Sanction not found');
      const at = new Date();
      if (await liftSanction(trx, sanctionId, by, at)) {
        await unbanAddresses(trx, sanctionId);
        await syncAccountLimits(trx, row.member_id, at);
        await insertAudit(trx, { actorId: by, action, targetType: 'member', targetId: row.member_id, before: { sanctionId, kind: row.kind, endsAt: row.ends_at.toISOString() }, ip });
      }
      return row;
    },

    /** Shortens a sanction to `hours` from its start (an appeal reduced). */
    async reduceIn(trx: Queryable, sanctionId: number, hours: number, by: number): Promise<SanctionRow> {
      const row = await findSanction(trx, sanctionId);
      if (!row) throw notFound('Sanction not found');
      const end = new Date(Math.min(row.ends_at.getTime(), row.starts_at.getTime() + hours * 3_600_000));
      await shortenSanction(trx, sanctionId, end);
      await syncAccountLimits(trx, row.member_id, new Date());
      await insertAudit(trx, { actorId: by, action: 'sanction.reduce', targetType: 'member', targetId: row.member_id, before: { endsAt: row.ends_at.toISOString() }, after: { sanctionId, endsAt: end.toISOString() } });
      return row;
    },

    async lift(actor: Actor, sanctionId: number, ip: string): Promise<SanctionView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can lift sanctions');
      const existing = await findSanction(db, sanctionId);
      if (!existing) throw notFound('Sanction not found');
      const target = await targetAccount(db, existing.member_id);
      if (!target || !maySanction(staff, target)) throw new AppError('cannot_sanction_staff', 'You cannot change this member\'s sanctions');
      await ctx.database.tx((trx) => this.liftIn(trx, sanctionId, staff.memberId, ip));
      await ctx.bus.emit('member.credentialsChanged', { memberId: existing.member_id });
      const row = await findSanction(db, sanctionId);
      if (!row) throw notFound('Sanction not found');
      return presentSanction(row);
    },
  };
}

export type SanctionsService = ReturnType<typeof createSanctionsService>;
