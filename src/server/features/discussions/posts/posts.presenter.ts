// Post rows → API shape. A deleted post keeps its body for its author and staff only.
import type { PostView, ReactionSummary } from './posts.schema';
import type { PostRow, ReactionCount } from './posts.store';

export interface Viewer {
  memberId: number | null;
  isStaff: boolean;
}

export function presentPost(row: PostRow, reactions: readonly ReactionCount[], viewer: Viewer): PostView {
  const hidden = row.deleted_at !== null && !viewer.isStaff && row.author_id !== viewer.memberId;
  const mine: ReactionSummary[] = reactions.filter((r) => r.post_id === row.id).map((r) => ({ emoji: r.emoji, count: r.count, reacted: r.reacted }));
  return {
    id: row.id,
    topicId: row.topic_id,
    postNumber: row.post_number,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    replyToPostId: row.reply_to_post_id,
    body: hidden ? '' : row.body,
    html: hidden ? '' : row.html,
    revision: row.revision,
    deleted: row.deleted_at !== null,
    moderationState: row.moderation_state,
    editedAt: row.edited_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    reactions: hidden ? [] : mine,
    bookmarked: false,
  };
}
