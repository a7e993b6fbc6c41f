// Review queue rows → API shape.
import type { ReviewItemView } from './queue.schema';
import type { QueueRow } from './queue.store';

export function presentItem(row: QueueRow): ReviewItemView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    score: Number(row.score),
    reason: row.reason,
    member: { id: row.member_id, username: row.username, displayName: row.display_name, trustLevel: row.trust_level, joinedAt: row.joined_at.toISOString() },
    post:
      row.post_id === null || row.topic_id === null
        ? null
        : {
            id: row.post_id,
            topicId: row.topic_id,
            topicTitle: row.topic_title ?? '',
            topicSlug: row.topic_slug ?? '',
            postNumber: row.post_number ?? 0,
            body: row.post_body ?? '',
            html: row.post_html ?? '',
            state: row.moderation_state ?? null,
          },
    space: row.space_id === null ? null : { id: row.space_id, name: row.space_name ?? '' },
    claimedBy: row.claimed_by_username,
    claimedAt: row.claimed_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by_username,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolution: row.resolution,
    resolutionReason: row.resolution_reason,
    createdAt: row.created_at.toISOString(),
  };
}
