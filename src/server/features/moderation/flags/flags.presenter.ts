// Flag rows → API shapes: the flagger's view (no weights) and the staff view.
import type { MyFlagView, PostFlagsView } from './flags.schema';
import type { MemberFlagRow, PostFlagRow } from './flags.store';

export function presentMyFlag(row: MemberFlagRow): MyFlagView {
  return {
    id: row.id,
    postId: row.post_id,
    topicId: row.topic_id,
    member: { id: row.target_member_id, username: row.username },
    reason: row.reason,
    message: row.message,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

export function presentStaffFlag(row: PostFlagRow): PostFlagsView['items'][number] {
  return {
    id: row.id,
    flagger: { id: row.flagger_id, username: row.username, displayName: row.display_name, trustLevel: row.trust_level },
    reason: row.reason,
    message: row.message,
    weight: Math.round(Number(row.weight) * 1000) / 1000,
    status: row.status,
    reviewItemId: row.review_item_id,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
