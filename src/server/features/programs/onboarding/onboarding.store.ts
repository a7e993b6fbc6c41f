// SQL for onboarding: the checklist's facts, the member's onboarding state, the welcome message's
// claim, and the newcomers' queue.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { Role } from '../../../platform/db/schema';

/** Everything the checklist needs, in one round trip. */
export async function checklistFacts(db: Queryable, memberId: number, intro: { spaceId: number | null; tag: string }) {
  return db
    .selectFrom('members as m')
    .innerJoin('accounts as a', 'a.member_id', 'm.id')
    .leftJoin('member_onboarding as o', 'o.member_id', 'm.id')
    .select(['a.username', 'm.display_name', 'm.bio', 'm.avatar_url', 'a.guidelines_version', 'o.dismissed_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('topics as t')
            .select('t.id')
            .whereRef('t.author_id', '=', 'm.id')
            .where('t.deleted_at', 'is', null)
            .where(intro.spaceId !== null ? sql<boolean>`t.space_id = ${intro.spaceId}` : sql<boolean>`${intro.tag} = any(t.tags)`),
        )
        .as('introduced'),
    )
    .select((eb) =>
      eb.exists(eb.selectFrom('posts as p').select('p.id').whereRef('p.author_id', '=', 'm.id').where('p.post_number', '>', 1).where('p.deleted_at', 'is', null)).as('replied'),
    )
    .where('m.id', '=', memberId)
    .executeTakeFirst();
}

export async function setDismissed(db: Queryable, memberId: number, dismissedAt: Date | null): Promise<void> {
  await db
    .insertInto('member_onboarding')
    .values({ member_id: memberId, dismissed_at: dismissedAt })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ dismissed_at: dismissedAt, updated_at: new Date() }))
    .execute();
}

/** How the member's account was made: 'signup' (self-service) or 'staff'. */
export async function joinedVia(db: Queryable, memberId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('activities')
    .select(sql<string | null>`props->>'via'`.as('via'))
    .where('member_id', '=', memberId)
    .where('kind', '=', 'member.joined')
    .executeTakeFirst();
  return row?.via ?? undefined;
}

/** Marks the welcome as sent before sending it; false when it already was (a member gets it once). */
export async function claimWelcome(db: Queryable, memberId: number, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('member_onboarding')
    .values({ member_id: memberId, welcome_sent_at: at })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ welcome_sent_at: at, updated_at: at }).where('member_onboarding.welcome_sent_at', 'is', null))
    .returning('member_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Sending failed: the next attempt may claim it again. */
export async function releaseWelcome(db: Queryable, memberId: number): Promise<void> {
  await db.updateTable('member_onboarding').set({ welcome_sent_at: null }).where('member_id', '=', memberId).execute();
}

export async function recordWelcome(db: Queryable, memberId: number, conversationId: number): Promise<void> {
  await db.updateTable('member_onboarding').set({ welcome_conversation_id: conversationId }).where('member_id', '=', memberId).execute();
}

export interface AccountFacts {
  member_id: number;
  username: string;
  display_name: string;
  role: Role;
  trust_level: number;
}

function accountFacts(db: Queryable) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.member_id', 'a.username', 'm.display_name', 'a.role', 'm.trust_level'])
    .where('m.deleted_at', 'is', null);
}

export async function findMemberAccount(db: Queryable, memberId: number): Promise<AccountFacts | undefined> {
  return accountFacts(db).where('a.member_id', '=', memberId).executeTakeFirst();
}

/** The named staff member, or (no name) the first admin. */
export async function findSender(db: Queryable, username: string): Promise<AccountFacts | undefined> {
  if (username.trim() !== '') {
    return accountFacts(db).where(sql<boolean>`lower(a.username) = ${username.trim().toLowerCase()}`).where('a.role', 'in', ['moderator', 'admin']).executeTakeFirst();
  }
  return accountFacts(db).where('a.role', '=', 'admin').orderBy('a.created_at').orderBy('a.member_id').limit(1).executeTakeFirst();
}

export interface NewcomerRow {
  id: number;
  title: string;
  slug: string;
  space_id: number;
  created_at: Date;
  space_name: string;
  space_slug: string;
  author_id: number;
  username: string | null;
  display_name: string;
  joined_at: Date;
}

export interface NewcomerQuery {
  spaceIds: readonly number[];
  includeUnlisted: boolean;
  newcomerDays: number;
  since: Date;
  after: { at: Date; id: number } | undefined;
  limit: number;
}

/**
 * Live topics (in the given spaces, not held, locked or closed) started since `since` by a member who
 * had joined less than newcomerDays before, that nobody else has replied to yet. Oldest first.
 */
export async function newcomerTopics(db: Queryable, q: NewcomerQuery): Promise<NewcomerRow[]> {
  if (q.spaceIds.length === 0) return [];
  const after = q.after ? sql`and (t.created_at, t.id) > (${q.after.at}, ${q.after.id})` : sql``;
  const unlisted = q.includeUnlisted ? sql`` : sql`and not t.unlisted`;
  const result = await sql<NewcomerRow>`
    select t.id, t.title, t.slug, t.space_id, t.created_at, s.name as space_name, s.slug as space_slug,
      m.id as author_id, a.username, m.display_name, m.joined_at
    from topics t
    join members m on m.id = t.author_id
    left join accounts a on a.member_id = m.id
    join spaces s on s.id = t.space_id
    where t.space_id = any(${[...q.spaceIds]}::bigint[])
      and t.deleted_at is null and t.moderation_state is null and t.merged_into_id is null
      and not t.locked and not t.closed ${unlisted}
      and m.deleted_at is null
      and t.created_at >= ${q.since}
      and t.created_at < m.joined_at + ${q.newcomerDays} * interval '1 day'
      and not exists (
        select 1 from posts p
        where p.topic_id = t.id and p.post_number > 1 and p.deleted_at is null and p.author_id <> t.author_id)
      ${after}
    order by t.created_at, t.id
    limit ${q.limit + 1}`.execute(db);
  return result.rows;
}
