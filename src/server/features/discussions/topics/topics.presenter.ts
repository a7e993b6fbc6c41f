// Topic rows → API shape.
import type { TopicView } from './topics.schema';
import type { TopicRow } from './topics.store';

export function presentTopic(row: TopicRow): TopicView {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    slug: row.slug,
    tags: row.tags,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    pinned: row.pinned,
    locked: row.locked,
    closed: row.closed,
    unlisted: row.unlisted,
    replyCount: row.reply_count,
    lastPostedAt: row.last_posted_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    mergedIntoId: row.merged_into_id,
    slowModeSeconds: row.slow_mode_seconds,
  };
}
