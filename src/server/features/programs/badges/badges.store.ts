// SQL for badges: definitions with grant counts, a member's badges, the rules as queries, grants.
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { BadgeRule } from '../../../platform/db/schema-qa';
import { badgeThresholds, daysBefore } from './badges.rules';

export async function listBadges(db: Queryable) {
  return db
    .selectFrom('badges as b')
    .select(['b.id', 'b.slug', 'b.name', 'b.description', 'b.rule', sql<string>`(select count(*) from member_badges mb where mb.badge_id = b.id and mb.revoked_at is null)`.as('grant_count')])
    .orderBy('b.id')
    .execute();
}
export type BadgeRow = Awaited<ReturnType<typeof listBadges>>[number];

export async function findBadge(db: Queryable, id: number) {
  return db.selectFrom('badges').select(['id', 'slug', 'name', 'description', 'rule']).where('id', '=', id).executeTakeFirst();
}

export async function badgesByRule(db: Queryable) {
  return db.selectFrom('badges').select(['id', 'name', 'rule']).where('rule', 'is not', null).execute();
}

export async function usernamesOf(db: Queryable, memberIds: readonly number[]): Promise<Map<number, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['member_id', 'username']).where('member_id', 'in', memberIds).execute();
  return new Map(rows.map((r) => [r.member_id, r.username]));
}

/** A member who is not deleted, by username (any case). */
export async function findMemberByUsername(db: Queryable, username: string) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['m.id', 'a.username', 'm.reputation'])
    .where(sql<boolean>`lower(a.username) = lower(${username})`)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function memberBadges(db: Queryable, memberId: number) {
  return db
    .selectFrom('member_badges as mb')
    .innerJoin('badges as b', 'b.id', 'mb.badge_id')
    .select(['b.id', 'b.slug', 'b.name', 'b.description', 'b.rule', 'mb.granted_by', 'mb.reason', 'mb.granted_at'])
    .where('mb.member_id', '=', memberId)
    .where('mb.revoked_at', 'is', null)
    .orderBy('mb.granted_at')
    .orderBy('b.id')
    .execute();
}

const onlyMembers = (column: string, memberIds: readonly number[] | null): RawBuilder<unknown> =>
  memberIds ? sql`and ${sql.ref(column)} in (${sql.join(memberIds)})` : sql``;

/**
 * Only the topics the members replied to: the first replier of a topic is picked over all its posts,
 * and without this an event for one member would sort every reply of the site.
 */
const repliedBy = (memberIds: readonly number[] | null): RawBuilder<unknown> =>
  memberIds ? sql`and p.topic_id in (select r.topic_id from posts r where r.author_id in (${sql.join(memberIds)}) and r.post_number > 1)` : sql``;

/** The members (of memberIds, or all) who meet the rule at `now`, as a query of member_id. */
export function ruleQuery(rule: BadgeRule, now: Date, memberIds: readonly number[] | null): RawBuilder<unknown> {
  switch (rule) {
    case 'first_post':
      return sql`select distinct p.author_id as member_id from posts p where p.deleted_at is null ${onlyMembers('p.author_id', memberIds)}`;
    case 'first_accepted_answer':
      return sql`select distinct p.author_id as member_id from qa_topics q join posts p on p.id = q.accepted_post_id join topics t on t.id = q.topic_id
        where p.deleted_at is null and t.deleted_at is null and p.author_id <> t.author_id ${onlyMembers('p.author_id', memberIds)}`;
    case 'helpful':
      return sql`select p.author_id as member_id from qa_votes v join posts p on p.id = v.post_id
        where p.deleted_at is null ${onlyMembers('p.author_id', memberIds)} group by p.author_id having count(*) >= ${badgeThresholds.helpfulVotes}`;
    case 'welcome_committee':
      return sql`select f.author_id as member_id from (
          select distinct on (p.topic_id) p.topic_id, p.author_id from posts p
          join topics t on t.id = p.topic_id join members a on a.id = t.author_id
          where p.post_number > 1 and p.deleted_at is null and t.deleted_at is null and p.author_id <> t.author_id
            and t.created_at < a.joined_at + make_interval(days => ${badgeThresholds.newcomerDays}) ${repliedBy(memberIds)}
          order by p.topic_id, p.post_number
        ) f where true ${onlyMembers('f.author_id', memberIds)} group by f.author_id having count(*) >= ${badgeThresholds.welcomeTopics}`;
    case 'anniversary': {
      const since = daysBefore(now, badgeThresholds.anniversaryDays);
      return sql`select m.id as member_id from members m where m.joined_at <= ${since} ${onlyMembers('m.id', memberIds)}
        and exists (select 1 from posts p where p.author_id = m.id and p.deleted_at is null and p.created_at >= ${since})`;
    }
  }
}

/** Grants the badge to the members the query finds who do not have it (nor had it revoked); returns them. */
export async function grantByRule(db: Queryable, badgeId: number, eligible: RawBuilder<unknown>, at: Date): Promise<number[]> {
  const result = await sql<{ member_id: number }>`insert into member_badges (member_id, badge_id, granted_at)
    select e.member_id, ${badgeId}, ${at} from (${eligible}) e join members m on m.id = e.member_id and m.deleted_at is null
    on conflict (member_id, badge_id) do nothing
    returning member_id`.execute(db);
  return result.rows.map((r) => Number(r.member_id));
}

/** Grants by hand, restoring a revoked grant; null when the member already has the badge. */
export async function grantByHand(db: Queryable, grant: { badgeId: number; memberId: number; by: number; reason: string | null; at: Date }): Promise<number | null> {
  const values = { granted_by: grant.by, reason: grant.reason, granted_at: grant.at, revoked_at: null };
  const row = await db
    .insertInto('member_badges')
    .values({ member_id: grant.memberId, badge_id: grant.badgeId, ...values })
    .onConflict((oc) => oc.columns(['member_id', 'badge_id']).doUpdateSet(values).where('member_badges.revoked_at', 'is not', null))
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function revokeGrant(db: Queryable, badgeId: number, memberId: number, at: Date): Promise<boolean> {
  const rows = await db
    .updateTable('member_badges')
    .set({ revoked_at: at })
    .where('badge_id', '=', badgeId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Reputation gained since `since` (or ever), top `limit` live members, with their badge counts. */
export async function leaderboard(db: Queryable, since: Date | null, limit: number) {
  let gained = db.selectFrom('reputation_events').select(['member_id', sql<string>`sum(points)`.as('points')]).groupBy('member_id');
  if (since) gained = gained.where('created_at', '>=', since);
  return db
    .selectFrom(gained.as('g'))
    .innerJoin('members as m', 'm.id', 'g.member_id')
    .leftJoin('accounts as a', 'a.member_id', 'g.member_id')
    .select(['m.id', 'a.username', 'm.display_name', 'g.points', sql<string>`(select count(*) from member_badges mb where mb.member_id = m.id and mb.revoked_at is null)`.as('badge_count')])
    .where('m.deleted_at', 'is', null)
    .where(sql<boolean>`g.points > 0`)
    .orderBy(sql`g.points`, 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
