// Invites: members make personal sign-up links (single- or multi-use, expiring), revoke them, and see
// who joined through each; a sign-up with a code is attributed to its inviter in the sign-up's own
// transaction; staff see which members bring in newcomers who stay active.
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../platform/db/database';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { decodeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import { presentInvite } from './invites.presenter';
import { hashInviteCode, inviteLimits as limits, inviteStatus, newInviteCode, signupUrl } from './invites.rules';
import type { AdvocatesQuery, AdvocatesView, CreateInviteBody, CreatedInvite, InviteListQuery, InviteLookup, InvitePage } from './invites.schema';
import { advocates, countActiveInvites, findInvite, findInviteByHash, insertInvite, listInvites, redeemInvite, redemptionsOf, revokeInvite } from './invites.store';

const DAY = 86_400_000;

export function createInvitesService(ctx: AppContext) {
  const db = ctx.database.db;

  return {
    async create(actor: Actor, body: CreateInviteBody): Promise<CreatedInvite> {
      const member = requireMember(actor);
      const at = new Date();
      const maxUses = body.maxUses === undefined ? 1 : body.maxUses;
      const expiresAt = new Date(at.getTime() + (body.expiresInDays ?? limits.expiresInDaysDefault) * DAY);
      const { code, hash, hint } = newInviteCode();
      const row = await ctx.database.tx(async (trx) => {
        // The member's row lock queues their concurrent requests, so the cap holds.
        await trx.selectFrom('members').select('id').where('id', '=', member.memberId).forUpdate().executeTakeFirst();
        if ((await countActiveInvites(trx, member.memberId, at)) >= limits.activePerMember) {
          throw new AppError('invite_limit', `You can have at most ${limits.activePerMember} active invites; revoke one first`);
        }
        const inserted = await insertInvite(trx, { inviterId: member.memberId, codeHash: hash, codeHint: hint, note: (body.note ?? '').trim(), maxUses, expiresAt, at });
        await recordActivity(trx, { memberId: member.memberId, kind: 'invite.created', occurredAt: at, props: { inviteId: inserted.id, maxUses } });
        return inserted;
      });
      return { ...presentInvite(row, [], at), code, url: signupUrl(ctx.config.publicUrl, code) };
    },

    async mine(actor: Actor, query: InviteListQuery): Promise<InvitePage> {
      const member = requireMember(actor);
      const limit = query.limit ?? 20;
      const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
      const rows = await listInvites(db, member.memberId, { limit, beforeId: beforeId as number | undefined });
      const page = pageOf(rows, limit, (r) => [r.id]);
      const redemptions = await redemptionsOf(db, page.items.map((r) => r.id));
      const now = new Date();
      return { items: page.items.map((r) => presentInvite(r, redemptions, now)), nextCursor: page.nextCursor };
    },

    /** The inviter or staff; staff revoking someone else's invite is audited. Revoking twice is fine. */
    async revoke(actor: Actor, id: number, ip: string | null): Promise<void> {
      const member = requireMember(actor);
      const invite = await findInvite(db, id);
      if (!invite) throw notFound('Invite not found');
      const own = invite.inviter_id === member.memberId;
      if (!own && !hasRole(member, 'moderator')) throw forbidden('Only its inviter or staff can revoke an invite');
      if (invite.revoked_at !== null) return;
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        await revokeInvite(trx, id, member.memberId, at);
        if (own) await recordActivity(trx, { memberId: member.memberId, kind: 'invite.revoked', occurredAt: at, props: { inviteId: id } });
        else await insertAudit(trx, { actorId: member.memberId, action: 'invite.revoke', targetType: 'invite', targetId: id, before: { inviterId: invite.inviter_id, uses: invite.uses }, ip });
      });
    },

    /** Public: whether a code can be used, and whose it is (display name only). */
    async lookup(code: string): Promise<InviteLookup> {
      const invite = await findInviteByHash(db, hashInviteCode(code));
      if (!invite) throw new AppError('invite_not_found', 'This invite link is not valid');
      const now = new Date();
      // A suspended or banned member's links bring nobody in meanwhile (redeem refuses them too).
      const suspended = invite.inviter_suspended_until !== null && invite.inviter_suspended_until.getTime() > now.getTime();
      const status = suspended ? 'revoked' : inviteStatus(invite, now);
      if (status === 'revoked') throw new AppError('invite_revoked', 'This invite link was withdrawn');
      if (status === 'used_up') throw new AppError('invite_used_up', 'This invite link has been used up');
      if (status === 'expired') throw new AppError('invite_expired', 'This invite link has expired');
      return { valid: true, inviter: { displayName: invite.inviter_display_name }, expiresAt: invite.expires_at.toISOString() };
    },

    /** In the sign-up's transaction: takes a use of the invite and attributes the member; 400 invite_invalid otherwise. */
    async redeem(trx: Queryable, code: string | undefined, memberId: number): Promise<void> {
      if (code === undefined) return;
      const at = new Date();
      const invite = await redeemInvite(trx, hashInviteCode(code), memberId, at);
      if (!invite) throw new AppError('invite_invalid', 'This invite link is not valid any more (expired, used up or withdrawn)', { field: 'inviteCode' });
      await recordActivity(trx, { memberId, kind: 'invite.redeemed', occurredAt: at, props: { inviteId: invite.id, inviterId: invite.inviter_id } });
    },

    async advocates(actor: Actor, query: AdvocatesQuery): Promise<AdvocatesView> {
      requireRole(actor, 'moderator', 'Only staff can see the advocates list');
      const days = query.days ?? 90;
      const now = Date.now();
      const rows = await advocates(db, { since: new Date(now - days * DAY), activeSince: new Date(now - limits.activeDays * DAY), limit: limits.advocatesMax });
      return {
        days,
        activeDays: limits.activeDays,
        items: rows.map((r) => ({ member: { id: r.id, username: r.username, displayName: r.display_name }, invited: Number(r.invited), active: Number(r.active) })),
      };
    },
  };
}

export type InvitesService = ReturnType<typeof createInvitesService>;
