// What a signed-in viewer's topic views gain: read position, unread posts and notification level.
import type { Queryable } from '../../platform/db/database';
import { effectiveLevel } from './notifications.rules';
import type { TopicViewerState } from './notifications.schema';
import { topicStateRows } from './notifications.store';

export async function topicViewerStates(db: Queryable, memberId: number, topicIds: readonly number[]): Promise<Map<number, TopicViewerState>> {
  const rows = await topicStateRows(db, memberId, topicIds);
  return new Map(
    rows.map((r) => {
      const lastRead = r.last_read_post_number ?? 0;
      return [r.id, { lastReadPostNumber: lastRead, unreadCount: Math.max(0, r.last_post_number - lastRead), notificationLevel: effectiveLevel(r.topic_level ?? undefined, r.space_level ?? undefined) }];
    }),
  );
}
