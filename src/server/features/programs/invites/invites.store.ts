// SQL for invites: the links, their redemptions at sign-up, and who brings in members who stay.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

export interface NewInvite {
  inviterId: number;
  codeHash: string;
  codeHint: string;
  note: string;
  maxUses: number | null;
  expiresAt: Date;
  at: Date;
}

const inviteColumns = ['id', 'inviter_id', 'code_hint', 'note', 'max_uses', 'uses', 'expires_at', 'revoked_at', 'created_at'] as const;

export async function insertInvite(db: Queryable, invite: NewInvite) {
  return db
    .insertInto('invites')
    .values({ inviter_id: invite.inviterId, code_hash: invite.codeHash, code_hint: invite.codeHint, note: invite.note, max_uses: invite.maxUses, expires_at: invite.expiresAt, created_at: invite.at })
    .returning(inviteColumns)
    .executeTakeFirstOrThrow();
}

export type InviteRow = Awaited<ReturnType<typeof insertInvite>>;

/** The member's invites that can still bring someone in. */
export async function countActiveInvites(db: Queryable, inviterId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('invites')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('inviter_id', '=', inviterId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listInvites(db: Queryable, inviterId: number, page: { limit: number; beforeId: number | undefined }): Promise<InviteRow[]> {
  let query = db.selectFrom('invites').select(inviteColumns).where('inviter_id', '=', inviterId);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function findInvite(db: Queryable, id: number): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').select(inviteColumns).where('id', '=', id).executeTakeFirst();
}

/** The invite with this code hash, its inviter's public name and suspension; none when the inviter is gone. */
export async function findInviteByHash(db: Queryable, codeHash: string) {
  return db
    .selectFrom('invites')
    .innerJoin('members', 'members.id', 'invites.inviter_id')
    .leftJoin('accounts', 'accounts.member_id', 'invites.inviter_id')
    .select(['invites.id', 'invites.max_uses', 'invites.uses', 'invites.expires_at', 'invites.revoked_at', 'members.display_name as inviter_display_name', 'accounts.suspended_until as inviter_suspended_until'])
    .where('invites.code_hash', '=', codeHash)
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Who joined through these invites, oldest first. */
export async function redemptionsOf(db: Queryable, inviteIds: readonly number[]) {
  if (inviteIds.length === 0) return [];
  return db
    .selectFrom('invite_redemptions as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .leftJoin('accounts as a', 'a.member_id', 'm.id')
    .select(['r.invite_id', 'r.redeemed_at', 'm.id', 'm.display_name', 'a.username'])
    .where('r.invite_id', 'in', inviteIds)
    .orderBy('r.redeemed_at')
    .orderBy('m.id')
    .execute();
}

export async function revokeInvite(db: Queryable, id: number, by: number, at: Date): Promise<void> {
  await db.updateTable('invites').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/**
 * Takes one use of a live invite (not revoked, not expired, not used up, its inviter neither deleted nor
 * suspended or banned) and
 * attributes the member to it; undefined when the code cannot be used. The guarded update makes
 * concurrent sign-ups on the last use queue on the row: only one gets it.
 */
export async function redeemInvite(db: Queryable, codeHash: string, memberId: number, at: Date): Promise<{ id: number; inviter_id: number } | undefined> {
  const invite = await db
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('code_hash', '=', codeHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('members')
          .innerJoin('accounts', 'accounts.member_id', 'members.id')
          .select('members.id')
          .whereRef('members.id', '=', 'invites.inviter_id')
          .where('members.deleted_at', 'is', null)
          .where((inner) => inner.or([inner('accounts.suspended_until', 'is', null), inner('accounts.suspended_until', '<=', at)])),
      ),
    )
    .returning(['id', 'inviter_id'])
    .executeTakeFirst();
  if (!invite) return undefined;
  await db.insertInto('invite_redemptions').values({ invite_id: invite.id, member_id: memberId, redeemed_at: at }).execute();
  return invite;
}

export interface AdvocateRow {
  id: number;
  username: string | null;
  display_name: string;
  invited: string | number;
  active: string | number;
}

/**
 * Per inviter: members who joined through their invites since `since`, and how many of them did
 * something (joining itself aside) or came by since `activeSince`. Most active first.
 */
export async function advocates(db: Queryable, q: { since: Date; activeSince: Date; limit: number }): Promise<AdvocateRow[]> {
  const activeDay = q.activeSince.toISOString().slice(0, 10);
  const result = await sql<AdvocateRow>`
    select m.id, a.username, m.display_name, count(*) as invited,
      count(*) filter (where
        exists (select 1 from activities x where x.member_id = r.member_id and x.occurred_at >= ${q.activeSince}
          and x.kind not in ('member.joined', 'invite.redeemed'))
        or exists (select 1 from member_visits v where v.member_id = r.member_id and v.day >= ${activeDay}::date)
      ) as active
    from invite_redemptions r
    join invites i on i.id = r.invite_id
    join members m on m.id = i.inviter_id
    left join accounts a on a.member_id = m.id
    where r.redeemed_at >= ${q.since} and m.deleted_at is null
    group by m.id, a.username, m.display_name
    order by active desc, invited desc, m.id
    limit ${q.limit}`.execute(db);
  return result.rows;
}
