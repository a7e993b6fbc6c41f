// Notifications: @mentions, in-app notifications, notification levels (following) and read tracking.
import type { AppContext } from '../../context';
import { createBookmarkReminders, type BookmarkReminders } from './bookmark-reminders';
import { subscribeNotifications } from './notifications.jobs';
import { createNotificationsService, type DiscussionsAccess } from './notifications.service';

export { mentionLinks } from './mentions.rules';
export { requireKnownMentions } from './mentions.service';
export { registerNotificationRoutes } from './notifications.routes';
export { Level as NotificationLevelSchema, type TopicViewerState } from './notifications.schema';
export { topicViewerStates } from './topic-state';
export { markConversationNotificationsRead, readAllConversationNotifications, upsertMessageNotifications } from './message-notifications.store';
export { copyTopicLevels, deleteReadMarks, deleteTopicLevels, moveNotifications, readMarksOf, replaceReadMarks } from './topic-moves.store';

export type NotificationsService = ReturnType<typeof createNotificationsService> & { bookmarkReminders: BookmarkReminders };

/** Builds the service, subscribes to the discussions events that create notifications, and defines the bookmark reminder job. */
export function createNotifications(ctx: AppContext, discussions: DiscussionsAccess): NotificationsService {
  subscribeNotifications(ctx, discussions);
  return { ...createNotificationsService(ctx, discussions), bookmarkReminders: createBookmarkReminders(ctx, discussions) };
}
