// SQL for feeds across spaces: latest topics, top topics by engagement, and entries for Atom.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import { topicsWithAuthors, type TopicRow } from '../topics/topics.store';

export interface FeedFilters {
  spaceIds: readonly number[];
  tag: string | undefined;
  limit: number;
  /** Staff see unlisted topics where a space's listing shows them (the new feed); latest and top never do. */
  includeUnlisted?: boolean;
}

/** Live, listed topics of the given spaces, with the tag when given. */
function feedTopics(db: Queryable, f: FeedFilters) {
  let query = topicsWithAuthors(db)
    .where('topics.space_id', 'in', [...f.spaceIds])
    .where('topics.deleted_at', 'is', null);
  if (!f.includeUnlisted) query = query.where('topics.unlisted', '=', false);
  if (f.tag !== undefined) query = query.where(sql<boolean>`topics.tags @> array[${f.tag}]::text[]`);
  return query;
}

/** By last activity, keyset-paged on (last_posted_at, id); one more than `limit`. */
export async function latestTopics(db: Queryable, f: FeedFilters, after: { lastPostedAt: Date; id: number } | undefined): Promise<TopicRow[]> {
  if (f.spaceIds.length === 0) return [];
  let query = feedTopics(db, f).orderBy('topics.last_posted_at', 'desc').orderBy('topics.id', 'desc').limit(f.limit + 1);
  if (after) query = query.where(sql<boolean>`(topics.last_posted_at, topics.id) < (${after.lastPostedAt}, ${after.id})`);
  return query.execute();
}

/** When the member joined (undefined for a member that is gone). */
export async function memberJoinedAt(db: Queryable, memberId: number): Promise<Date | undefined> {
  const row = await db.selectFrom('members').select('joined_at').where('id', '=', memberId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.joined_at;
}

/**
 * Topics created since `since` by others that the member never opened (no read mark) and did not mute
 * (the topic's own level wins over the space's, as in notifications.rules effectiveLevel); newest first,
 * keyset-paged on (created_at, id); one more than `limit`.
 */
export async function newTopics(
  db: Queryable,
  f: FeedFilters,
  memberId: number,
  since: Date,
  after: { createdAt: Date; id: number } | undefined,
): Promise<TopicRow[]> {
  if (f.spaceIds.length === 0) return [];
  let query = feedTopics(db, f)
    .leftJoin('topic_notification_levels as tl', (join) => join.onRef('tl.topic_id', '=', 'topics.id').on('tl.member_id', '=', memberId))
    .leftJoin('space_notification_levels as sl', (join) => join.onRef('sl.space_id', '=', 'topics.space_id').on('sl.member_id', '=', memberId))
    .where('topics.author_id', '<>', memberId)
    .where('topics.created_at', '>=', since)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('topic_reads as tr').select('tr.topic_id').whereRef('tr.topic_id', '=', 'topics.id').where('tr.member_id', '=', memberId))))
    .where(sql<boolean>`coalesce(tl.level, sl.level, 'normal') <> 'muted'`)
    .orderBy('topics.created_at', 'desc')
    .orderBy('topics.id', 'desc')
    .limit(f.limit + 1);
  if (after) query = query.where(sql<boolean>`(topics.created_at, topics.id) < (${after.createdAt}, ${after.id})`);
  return query.execute();
}

/** By replies plus reactions since `since` (on posts still there), topics without any left out; one more than `limit`. */
export async function topTopics(db: Queryable, f: FeedFilters, since: Date, offset: number): Promise<(TopicRow & { engagement: number })[]> {
  if (f.spaceIds.length === 0) return [];
  const engagement = sql<number>`(
    (select count(*) from posts p where p.topic_id = topics.id and p.post_number > 1 and p.deleted_at is null and p.created_at >= ${since})
    + (select count(*) from post_reactions r join posts p on p.id = r.post_id where p.topic_id = topics.id and p.deleted_at is null and r.created_at >= ${since})
  )::integer`;
  const rows = await db
    .selectFrom(feedTopics(db, f).select(engagement.as('engagement')).as('ranked'))
    .selectAll()
    .where('engagement', '>', 0)
    .orderBy('engagement', 'desc')
    .orderBy('last_posted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, engagement: Number(r.engagement) }));
}

/** The newest topics with the HTML of their first post, for Atom. */
export async function atomEntries(db: Queryable, spaceIds: readonly number[], limit: number) {
  if (spaceIds.length === 0) return [];
  return db
    .selectFrom('topics')
    .innerJoin('members', 'members.id', 'topics.author_id')
    .innerJoin('posts', (join) => join.onRef('posts.topic_id', '=', 'topics.id').on('posts.post_number', '=', 1))
    .select(['topics.id', 'topics.title', 'topics.slug', 'topics.tags', 'topics.created_at', 'topics.updated_at', 'posts.html', 'posts.deleted_at as post_deleted_at', 'members.display_name'])
    .where('topics.space_id', 'in', [...spaceIds])
    .where('topics.deleted_at', 'is', null)
    .where('topics.unlisted', '=', false)
    .orderBy('topics.created_at', 'desc')
    .orderBy('topics.id', 'desc')
    .limit(limit)
    .execute();
}
