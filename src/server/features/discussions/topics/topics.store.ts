// SQL for topics.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

export async function insertTopic(db: Queryable, topic: { spaceId: number; authorId: number; title: string; slug: string; tags: string[]; at: Date; held?: boolean }): Promise<number> {
  const row = await db
    .insertInto('topics')
    .values({
      space_id: topic.spaceId,
      author_id: topic.authorId,
      title: topic.title,
      slug: topic.slug,
      tags: topic.tags,
      last_posted_at: topic.at,
      last_poster_id: topic.authorId,
      created_at: topic.at,
      updated_at: topic.at,
      ...(topic.held ? { deleted_at: topic.at, moderation_state: 'held' as const } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function topicsWithAuthors(db: Queryable) {
  return db
    .selectFrom('topics')
    .innerJoin('members', 'members.id', 'topics.author_id')
    .leftJoin('accounts', 'accounts.member_id', 'topics.author_id')
    .select([
      'topics.id', 'topics.space_id', 'topics.author_id', 'topics.title', 'topics.slug', 'topics.tags', 'topics.pinned', 'topics.locked', 'topics.closed',
      'topics.unlisted', 'topics.reply_count', 'topics.last_posted_at', 'topics.created_at', 'topics.deleted_at', 'topics.merged_into_id', 'topics.slow_mode_seconds', 'accounts.username',
      'members.display_name',
    ]);
}

export async function findTopic(db: Queryable, id: number) {
  return topicsWithAuthors(db).where('topics.id', '=', id).executeTakeFirst();
}

export type TopicRow = NonNullable<Awaited<ReturnType<typeof findTopic>>>;

/** A space's live topics, pinned first, then by last activity; keyset-paged on (pinned, last_posted_at, id). */
export async function listTopics(
  db: Queryable,
  spaceId: number,
  options: { limit: number; after: { pinned: boolean; lastPostedAt: Date; id: number } | undefined; includeUnlisted: boolean },
): Promise<TopicRow[]> {
  let query = topicsWithAuthors(db)
    .where('topics.space_id', '=', spaceId)
    .where('topics.deleted_at', 'is', null)
    .orderBy('topics.pinned', 'desc')
    .orderBy('topics.last_posted_at', 'desc')
    .orderBy('topics.id', 'desc')
    .limit(options.limit + 1);
  if (!options.includeUnlisted) query = query.where('topics.unlisted', '=', false);
  const after = options.after;
  if (after) query = query.where(sql<boolean>`(topics.pinned, topics.last_posted_at, topics.id) < (${after.pinned}, ${after.lastPostedAt}, ${after.id})`);
  return query.execute();
}

/** Hands out the next post number and records the activity; the row lock orders concurrent replies. */
/** The next post number; a held reply takes a number but leaves the counts and the latest activity alone. */
export async function nextPostNumber(db: Queryable, topicId: number, change: { isReply: boolean; posterId: number; at: Date; held?: boolean }): Promise<number> {
  const row = await db
    .updateTable('topics')
    .set((eb) => ({
      last_post_number: eb('last_post_number', '+', 1),
      ...(change.held
        ? {}
        : { reply_count: eb('reply_count', '+', change.isReply ? 1 : 0), last_posted_at: change.at, last_poster_id: change.posterId }),
    }))
    .where('id', '=', topicId)
    .returning('last_post_number')
    .executeTakeFirstOrThrow();
  return row.last_post_number;
}

export async function updateTopic(
  db: Queryable,
  id: number,
  changes: { title?: string; slug?: string; locked?: boolean; pinned?: boolean; closed?: boolean; unlisted?: boolean; replyCountChange?: number },
): Promise<void> {
  const { replyCountChange, ...columns } = changes;
  await db
    .updateTable('topics')
    .set((eb) => ({ ...columns, updated_at: new Date(), ...(replyCountChange ? { reply_count: eb('reply_count', '+', replyCountChange) } : {}) }))
    .where('id', '=', id)
    .execute();
}

export async function softDeleteTopic(db: Queryable, id: number, by: number, at: Date): Promise<void> {
  await db.updateTable('topics').set({ deleted_at: at, deleted_by: by, updated_at: at }).where('id', '=', id).where('deleted_at', 'is', null).execute();
}

export async function restoreTopic(db: Queryable, id: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('topics').set({ deleted_at: null, deleted_by: null, updated_at: at }).where('id', '=', id).where('deleted_at', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves the topic if it is still in `from`; its reply count and deletion, read under the row lock. */
export async function moveTopic(db: Queryable, id: number, from: number, to: number): Promise<{ reply_count: number; deleted_at: Date | null } | undefined> {
  return db
    .updateTable('topics')
    .set({ space_id: to, updated_at: new Date() })
    .where('id', '=', id)
    .where('space_id', '=', from)
    .returning(['reply_count', 'deleted_at'])
    .executeTakeFirst();
}
