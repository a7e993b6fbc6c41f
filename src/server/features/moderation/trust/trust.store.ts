// SQL for trust levels: members' participation counts (a batch at a time, every count an index
// lookup per member), their recent posts for the posting limits, and level changes.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { TrustCounts } from './trust.rules';

type Count = 'days_visited' | 'topics_entered' | 'posts_read' | 'topics_created' | 'replies' | 'reactions_given' | 'reactions_received' | 'flags_agreed' | 'sanctions';
type CountColumn = Count | `recent_${Count}`;

/** username is null for a member without an account (known from another platform only). */
export type StatsRow = { id: number; username: string | null; trust_level: number; trust_level_locked: boolean; restricted: boolean } & Record<CountColumn, string | number>;

/**
 * Members with their counts, all time and since `since`, by id after `afterId` (or just `onlyId`).
 * Posts read and topics entered come from read marks; the recent ones are the marks moved since.
 */
export async function memberStats(db: Queryable, q: { since: Date; afterId: number; limit: number; onlyId?: number }): Promise<StatsRow[]> {
  const since = q.since;
  const sinceDay = since.toISOString().slice(0, 10);
  // The batch is picked first, so the counts run for its members only.
  const which = q.onlyId !== undefined ? sql`id = ${q.onlyId}` : sql`id > ${q.afterId}`;
  const result = await sql<StatsRow>`
    select m.id, a.username, m.trust_level, m.trust_level_locked,
      (coalesce(a.suspended_until > now(), false) or coalesce(a.silenced_until > now(), false)) as restricted,
      v.days_visited, v.recent_days_visited, r.topics_entered, r.recent_topics_entered, r.posts_read, r.recent_posts_read,
      p.topics_created, p.recent_topics_created, p.replies, p.recent_replies, g.reactions_given, g.recent_reactions_given,
      x.reactions_received, x.recent_reactions_received, f.flags_agreed, f.recent_flags_agreed, s.sanctions, s.recent_sanctions
    from (select id, trust_level, trust_level_locked from members where deleted_at is null and ${which} order by id limit ${q.limit}) m
    left join accounts a on a.member_id = m.id
    cross join lateral (
      select count(*) as days_visited, count(*) filter (where day >= ${sinceDay}::date) as recent_days_visited
      from member_visits where member_id = m.id) v
    cross join lateral (
      select count(*) as topics_entered, count(*) filter (where updated_at >= ${since}) as recent_topics_entered,
        coalesce(sum(last_read_post_number), 0) as posts_read,
        coalesce(sum(last_read_post_number) filter (where updated_at >= ${since}), 0) as recent_posts_read
      from topic_reads where member_id = m.id) r
    cross join lateral (
      select count(*) filter (where post_number = 1) as topics_created,
        count(*) filter (where post_number = 1 and created_at >= ${since}) as recent_topics_created,
        count(*) filter (where post_number > 1) as replies,
        count(*) filter (where post_number > 1 and created_at >= ${since}) as recent_replies
      from posts where author_id = m.id and deleted_at is null) p
    cross join lateral (
      select count(*) as reactions_given, count(*) filter (where created_at >= ${since}) as recent_reactions_given
      from post_reactions where member_id = m.id) g
    cross join lateral (
      select count(*) as reactions_received, count(*) filter (where pr.created_at >= ${since}) as recent_reactions_received
      from posts mine join post_reactions pr on pr.post_id = mine.id
      where mine.author_id = m.id and mine.deleted_at is null and pr.member_id <> m.id) x
    cross join lateral (
      select count(*) as flags_agreed, count(*) filter (where created_at >= ${since}) as recent_flags_agreed
      from flags where target_member_id = m.id and status = 'agreed') f
    cross join lateral (
      select count(*) as sanctions, count(*) filter (where starts_at >= ${since} or ends_at >= ${since}) as recent_sanctions
      from sanctions where member_id = m.id and kind in ('silence', 'suspension', 'ban') and lifted_at is null) s
    order by m.id`.execute(db);
  return result.rows;
}

function countsOf(row: StatsRow, prefix: '' | 'recent_'): TrustCounts {
  const n = (column: Count) => Number(row[`${prefix}${column}`]);
  return {
    daysVisited: n('days_visited'),
    topicsEntered: n('topics_entered'),
    postsRead: n('posts_read'),
    topicsCreated: n('topics_created'),
    replies: n('replies'),
    reactionsGiven: n('reactions_given'),
    reactionsReceived: n('reactions_received'),
    flagsAgreed: n('flags_agreed'),
    sanctions: n('sanctions'),
  };
}

export function statsOf(row: StatsRow): { allTime: TrustCounts; recent: TrustCounts } {
  return { allTime: countsOf(row, ''), recent: countsOf(row, 'recent_') };
}

export async function countMembers(db: Queryable): Promise<number> {
  const row = await db.selectFrom('members').select((eb) => eb.fn.countAll<string | number>().as('n')).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sets the level if it is still `from` and not locked; false when someone changed it meanwhile. */
export async function changeLevel(db: Queryable, memberId: number, from: number, to: number): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set({ trust_level: to })
    .where('id', '=', memberId)
    .where('trust_level', '=', from)
    .where('trust_level_locked', '=', false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The author's topics and replies since `since` (any state, held and deleted ones too), and their latest post's time in it. */
export async function recentPosting(db: Queryable, authorId: number, since: Date): Promise<{ topics: number[]; replies: number[]; lastPostAt: number | null }> {
  const rows = await db
    .selectFrom('posts')
    .select(['post_number', 'created_at'])
    .where('author_id', '=', authorId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(1000)
    .execute();
  return {
    topics: rows.filter((r) => r.post_number === 1).map((r) => r.created_at.getTime()),
    replies: rows.filter((r) => r.post_number > 1).map((r) => r.created_at.getTime()),
    lastPostAt: rows[0]?.created_at.getTime() ?? null,
  };
}
