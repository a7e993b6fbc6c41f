// Notification rows → API shape.
import type { NotificationView } from './notifications.schema';
import type { NotificationRow } from './notifications.store';

/** A moderation notice's text and link, when the row is one. */
function noticeOf(data: unknown): { text: string; url: string | null } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { text, url } = data as { text?: unknown; url?: unknown };
  return typeof text === 'string' ? { text, url: typeof url === 'string' ? url : null } : null;
}

export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    actor: row.actor_id === null ? null : { id: row.actor_id, username: row.username, displayName: row.display_name ?? '' },
    topicId: row.topic_id,
    postId: row.post_id,
    postNumber: row.post_number,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    messageNumber: row.message_number,
    title: row.title,
    notice: noticeOf(row.data),
    emoji: row.emoji,
    count: row.count,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
