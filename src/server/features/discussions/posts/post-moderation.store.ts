// Moderation's writes to a post, inside the caller's transaction: keeping a post from others (held,
// hidden, rejected: soft-deleted with a reason) and releasing it (the counters as a restore). A first
// post carries its topic with it. Returns the events to emit after commit.
import type { Queryable } from '../../../platform/db/database';
import type { ModerationState } from '../../../platform/db/schema-moderation';
import { countInSpace } from '../spaces/spaces.store';
import { updateTopic } from '../topics/topics.store';

export interface PostStateChange {
  postId: number;
  topicId: number;
  spaceId: number;
  authorId: number;
  isFirst: boolean;
  /** False when the post already was in that state. */
  changed: boolean;
}

async function postWithTopic(db: Queryable, postId: number) {
  return db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .select(['p.id', 'p.topic_id', 'p.author_id', 'p.post_number', 'p.deleted_at', 'p.moderation_state', 'p.created_at', 't.space_id', 't.reply_count', 't.deleted_at as topic_deleted_at'])
    .where('p.id', '=', postId)
    .forUpdate()
    .executeTakeFirst();
}

/** Keeps a post from everyone but its author and staff; a visible one leaves the counters. */
export async function withholdPost(db: Queryable, postId: number, state: ModerationState, by: number | null, at: Date): Promise<PostStateChange | undefined> {
  const post = await postWithTopic(db, postId);
  if (!post) return undefined;
  const isFirst = post.post_number === 1;
  const base = { postId, topicId: post.topic_id, spaceId: post.space_id, authorId: post.author_id, isFirst };
  const wasVisible = post.deleted_at === null;
  if (!wasVisible && post.moderation_state === state) return { ...base, changed: false };
  await db.updateTable('posts').set({ moderation_state: state, deleted_at: post.deleted_at ?? at, deleted_by: by, updated_at: at }).where('id', '=', postId).execute();
  if (isFirst) {
    await db.updateTable('topics').set({ moderation_state: state, deleted_at: post.topic_deleted_at ?? at, deleted_by: by, updated_at: at }).where('id', '=', post.topic_id).execute();
  }
  if (wasVisible) {
    if (isFirst) await countInSpace(db, post.space_id, { topics: -1, posts: -(post.reply_count + 1), at: null });
    else {
      await updateTopic(db, post.topic_id, { replyCountChange: -1 });
      await countInSpace(db, post.space_id, { topics: 0, posts: -1, at: null });
    }
  }
  return { ...base, changed: true };
}

/** Shows a withheld post again (approved, or an appeal overturned); a held reply becomes the topic's latest activity. */
export async function releasePost(db: Queryable, postId: number, at: Date): Promise<PostStateChange | undefined> {
  const post = await postWithTopic(db, postId);
  if (!post) return undefined;
  const isFirst = post.post_number === 1;
  const base = { postId, topicId: post.topic_id, spaceId: post.space_id, authorId: post.author_id, isFirst };
  if (post.deleted_at === null) return { ...base, changed: false };
  const wasHeld = post.moderation_state === 'held';
  await db.updateTable('posts').set({ moderation_state: null, deleted_at: null, deleted_by: null, updated_at: at }).where('id', '=', postId).execute();
  if (isFirst) {
    await db.updateTable('topics').set({ moderation_state: null, deleted_at: null, deleted_by: null, updated_at: at }).where('id', '=', post.topic_id).execute();
    await countInSpace(db, post.space_id, { topics: 1, posts: post.reply_count + 1, at: wasHeld ? post.created_at : null });
  } else {
    await updateTopic(db, post.topic_id, { replyCountChange: 1 });
    if (wasHeld) await db.updateTable('topics').set({ last_posted_at: at, last_poster_id: post.author_id }).where('id', '=', post.topic_id).execute();
    await countInSpace(db, post.space_id, { topics: 0, posts: 1, at: wasHeld ? at : null });
  }
  return { ...base, changed: true };
}
