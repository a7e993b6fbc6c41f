// Moderation withholds a post (held for review, hidden by flags, rejected) as a soft delete with a
// state, and releases it. The counters follow as for a delete and a restore: a first post takes its
// topic along. Both steps run inside the caller's transaction and are idempotent; announce() the
// change after commit.
import type { Queryable } from '../../../platform/db/database';
import type { ModerationState } from '../../../platform/db/schema-moderation';
import { notFound } from '../../../platform/errors';
import type { EventBus } from '../../../platform/events';
import { countInSpace } from '../spaces/spaces.store';
import { updateTopic } from '../topics/topics.store';
import { bumpLastPosted, clearModerationState, lockPostAndTopic, setModerationState } from './withhold.store';

/** A post that appeared or disappeared for readers. */
export interface VisibilityChange {
  postId: number;
  topicId: number;
  spaceId: number;
  authorId: number;
  firstPost: boolean;
  /** true: released; false: withheld. */
  visible: boolean;
  /** Released from 'held': readers see it for the first time (notifications follow). */
  published: boolean;
}

/**
 * Withholds the post; null when readers saw no change: it was withheld already (only its state
 * changes, e.g. held → rejected) or deleted by its author or staff (it stays as it is).
 */
export async function withholdPost(trx: Queryable, postId: number, state: ModerationState, byMemberId: number | null, at = new Date()): Promise<VisibilityChange | null> {
  const row = await lockPostAndTopic(trx, postId);
  if (!row) throw notFound('Post not found');
  const firstPost = row.post_number === 1;
  if (row.moderation_state !== null) {
    if (row.moderation_state !== state) await setModerationState(trx, 'posts', postId, state, null);
    if (firstPost && row.topic_state !== null && row.topic_state !== state) await setModerationState(trx, 'topics', row.topic_id, state, null);
    return null;
  }
  if (row.deleted_at !== null) return null;
  const remove = { by: byMemberId, at };
  await setModerationState(trx, 'posts', postId, state, remove);
  if (firstPost) {
    if (row.topic_deleted_at === null) {
      await setModerationState(trx, 'topics', row.topic_id, state, remove);
      await countInSpace(trx, row.space_id, { topics: -1, posts: -(row.reply_count + 1), at: null });
    }
  } else {
    await updateTopic(trx, row.topic_id, { replyCountChange: -1 });
    if (row.topic_deleted_at === null) await countInSpace(trx, row.space_id, { topics: 0, posts: -1, at: null });
  }
  return { postId, topicId: row.topic_id, spaceId: row.space_id, authorId: row.author_id, firstPost, visible: false, published: false };
}

/** Releases a withheld post (and its topic, for a first post); null when it was not withheld. */
export async function releasePost(trx: Queryable, postId: number, at = new Date()): Promise<VisibilityChange | null> {
  const row = await lockPostAndTopic(trx, postId);
  if (!row) throw notFound('Post not found');
  if (row.moderation_state === null) return null;
  const firstPost = row.post_number === 1;
  const published = row.moderation_state === 'held';
  await clearModerationState(trx, 'posts', postId, at);
  let topicLive = row.topic_deleted_at === null;
  if (firstPost && row.topic_state !== null) {
    await clearModerationState(trx, 'topics', row.topic_id, at);
    await countInSpace(trx, row.space_id, { topics: 1, posts: row.reply_count + 1, at: null });
    topicLive = true;
  } else if (!firstPost) {
    // Neither a held nor a withheld reply is in the topic's count.
    await updateTopic(trx, row.topic_id, { replyCountChange: 1 });
    if (topicLive) await countInSpace(trx, row.space_id, { topics: 0, posts: 1, at: null });
  }
  if (published && topicLive) await bumpLastPosted(trx, { topicId: row.topic_id, spaceId: row.space_id, authorId: row.author_id, at: row.created_at });
  return { postId, topicId: row.topic_id, spaceId: row.space_id, authorId: row.author_id, firstPost, visible: true, published };
}

/** The events a delete, a restore or (for a held post) a new post sends, after commit. */
export async function announceVisibility(bus: EventBus, change: VisibilityChange | null): Promise<void> {
  if (!change) return;
  const { postId, topicId, spaceId, authorId } = change;
  if (!change.visible) {
    await bus.emit('post.deleted', { postId, topicId, spaceId });
    if (change.firstPost) await bus.emit('topic.deleted', { topicId, spaceId });
  } else if (change.published) {
    if (change.firstPost) await bus.emit('topic.created', { topicId, spaceId, postId, authorId });
    else await bus.emit('post.created', { postId, topicId, spaceId, authorId });
  } else {
    await bus.emit('post.updated', { postId, topicId, spaceId });
    if (change.firstPost) await bus.emit('topic.updated', { topicId, spaceId });
  }
}
