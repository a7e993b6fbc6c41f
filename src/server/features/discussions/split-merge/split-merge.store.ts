// SQL for splitting and merging topics: locks, moving and renumbering posts, recounting topics.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { PostFact } from './split-merge.rules';

/** Locks the topics' rows (in id order, so two merges never deadlock) until the transaction ends. */
export async function lockTopics(db: Queryable, ids: readonly number[]) {
  return db
    .selectFrom('topics')
    .select(['id', 'space_id', 'deleted_at', 'merged_into_id'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function postFacts(db: Queryable, topicId: number): Promise<PostFact[]> {
  const rows = await db
    .selectFrom('posts')
    .select(['id', 'topic_id', 'post_number', 'author_id', 'created_at', 'deleted_at'])
    .where('topic_id', '=', topicId)
    .orderBy('post_number')
    .execute();
  return rows.map((r) => ({ id: r.id, topicId: r.topic_id, postNumber: r.post_number, authorId: r.author_id, createdAt: r.created_at, isDeleted: r.deleted_at !== null }));
}

export interface Placement {
  id: number;
  topicId: number;
  postNumber: number;
}

/**
 * Moves posts to their topics and numbers. Numbers are unique per topic at every moment, so the posts
 * first take the negated number, then flip it: the two sets never meet.
 */
export async function placePosts(db: Queryable, placements: readonly Placement[]): Promise<void> {
  if (placements.length === 0) return;
  const ids = placements.map((p) => p.id);
  const topics = placements.map((p) => p.topicId);
  const numbers = placements.map((p) => -p.postNumber);
  await sql`
    update posts as p set topic_id = v.topic_id, post_number = v.post_number
    from (select unnest(${ids}::bigint[]) as id, unnest(${topics}::bigint[]) as topic_id, unnest(${numbers}::integer[]) as post_number) as v
    where p.id = v.id`.execute(db);
  const topicIds = [...new Set(topics)];
  await sql`update posts set post_number = -post_number where topic_id = any(${topicIds}::bigint[]) and post_number < 0`.execute(db);
}

/** A reply keeps its "in reply to" only within its topic. */
export async function dropCrossTopicReplies(db: Queryable, topicIds: readonly number[]): Promise<void> {
  await sql`
    update posts as p set reply_to_post_id = null
    from posts as r
    where r.id = p.reply_to_post_id and r.topic_id <> p.topic_id and p.topic_id = any(${[...topicIds]}::bigint[])`.execute(db);
}

/** Sets a topic's last post number, reply count and last activity from its posts. */
export async function recountTopic(db: Queryable, topicId: number, at: Date): Promise<void> {
  await sql`
    update topics as t set
      last_post_number = coalesce((select max(p.post_number) from posts p where p.topic_id = t.id), 0),
      reply_count = (select count(*) from posts p where p.topic_id = t.id and p.post_number > 1 and p.deleted_at is null),
      last_posted_at = coalesce((select max(p.created_at) from posts p where p.topic_id = t.id and p.deleted_at is null), t.created_at),
      last_poster_id = coalesce((select p.author_id from posts p where p.topic_id = t.id and p.deleted_at is null order by p.created_at desc, p.id desc limit 1), t.author_id),
      updated_at = ${at}
    where t.id = ${topicId}`.execute(db);
}

export async function insertSplitTopic(
  db: Queryable,
  topic: { spaceId: number; authorId: number; title: string; slug: string; tags: string[]; createdAt: Date; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('topics')
    .values({
      space_id: topic.spaceId,
      author_id: topic.authorId,
      title: topic.title,
      slug: topic.slug,
      tags: topic.tags,
      last_posted_at: topic.createdAt,
      last_poster_id: topic.authorId,
      created_at: topic.createdAt,
      updated_at: topic.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Leaves the emptied topic closed and deleted, pointing at the topic its posts went to. */
export async function markMerged(db: Queryable, topicId: number, into: { intoTopicId: number; by: number; at: Date }): Promise<void> {
  await db
    .updateTable('topics')
    .set({ merged_into_id: into.intoTopicId, closed: true, deleted_at: into.at, deleted_by: into.by, reply_count: 0, last_post_number: 0, updated_at: into.at })
    .where('id', '=', topicId)
    .execute();
}
