// SQL for posts and topics that moderation withholds (held, hidden, rejected: soft-deleted with a
// moderation state) and releases.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { ModerationState } from '../../../platform/db/schema-moderation';

/** The post and its topic, both rows locked for the rest of the transaction. */
export async function lockPostAndTopic(db: Queryable, postId: number) {
  return db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .select([
      'posts.id', 'posts.topic_id', 'posts.author_id', 'posts.post_number', 'posts.created_at', 'posts.deleted_at', 'posts.moderation_state',
      'topics.space_id', 'topics.reply_count', 'topics.deleted_at as topic_deleted_at', 'topics.moderation_state as topic_state',
    ])
    .where('posts.id', '=', postId)
    .forUpdate()
    .executeTakeFirst();
}

export type LockedPost = NonNullable<Awaited<ReturnType<typeof lockPostAndTopic>>>;

/** Withholds a live row (deleting it softly) or changes the state of a withheld one. */
export async function setModerationState(db: Queryable, table: 'posts' | 'topics', id: number, state: ModerationState, remove: { by: number | null; at: Date } | null): Promise<void> {
  await db
    .updateTable(table)
    .set({ moderation_state: state, ...(remove ? { deleted_at: remove.at, deleted_by: remove.by, updated_at: remove.at } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Clears the moderation state and the soft delete that came with it. */
export async function clearModerationState(db: Queryable, table: 'posts' | 'topics', id: number, at: Date): Promise<void> {
  await db.updateTable(table).set({ moderation_state: null, deleted_at: null, deleted_by: null, updated_at: at }).where('id', '=', id).execute();
}

/** A held reply published late: the topic's and space's latest activity move to it unless later ones exist. */
export async function bumpLastPosted(db: Queryable, post: { topicId: number; spaceId: number; authorId: number; at: Date }): Promise<void> {
  await db
    .updateTable('topics')
    .set({ last_posted_at: post.at, last_poster_id: post.authorId })
    .where('id', '=', post.topicId)
    .where('last_posted_at', '<', post.at)
    .execute();
  await db
    .updateTable('spaces')
    .set({ last_posted_at: sql<Date>`greatest(coalesce(last_posted_at, ${post.at}), ${post.at})` })
    .where('id', '=', post.spaceId)
    .execute();
}
