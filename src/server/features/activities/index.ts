// Activities: one row per thing a member did, on any platform. Written in the same transaction as the
// action itself, so analytics never disagree with the forum.
import type { Queryable } from '../../platform/db/database';

export interface ActivityInput {
  memberId: number;
  kind: string;
  platform?: string;
  identityId?: number | null;
  occurredAt?: Date;
  spaceId?: number | null;
  topicId?: number | null;
  postId?: number | null;
  url?: string | null;
  weight?: number;
  props?: Record<string, unknown>;
}

export async function recordActivity(db: Queryable, activity: ActivityInput): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      member_id: activity.memberId,
      kind: activity.kind,
      platform: activity.platform ?? 'hearth',
      identity_id: activity.identityId ?? null,
      occurred_at: activity.occurredAt ?? new Date(),
      space_id: activity.spaceId ?? null,
      topic_id: activity.topicId ?? null,
      post_id: activity.postId ?? null,
      url: activity.url ?? null,
      ...(activity.weight !== undefined ? { weight: activity.weight } : {}),
      props: JSON.stringify(activity.props ?? {}),
    })
    .execute();
}
