import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../platform/http/schemas';
import { LEVELS, NOTIFICATION_TYPES, notificationLimits } from './notifications.rules';

export const NotificationActor = Type.Object({
  id: Type.Integer(),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
});

export const NotificationView = Type.Object(
  {
    id: Type.Integer(),
    type: Type.Union(NOTIFICATION_TYPES.map((t) => Type.Literal(t)), {
      description:
        'reply: to your post or topic · mention: @you · reaction: on your post (collapsed while unread) · watching: new post where you watch · message: in a private conversation (collapsed while unread) · moderation: a notice from the moderators (see notice) · notice: from a community program, e.g. a new status of an idea, an event reminder, a badge (see notice)',
    }),
    actor: Type.Union([NotificationActor, Type.Null()], { description: 'Who did it (the latest reactor for a collapsed reaction)' }),
    topicId: Type.Union([Type.Integer(), Type.Null()], { description: 'Null for messages' }),
    postId: Type.Union([Type.Integer(), Type.Null()]),
    postNumber: Type.Union([Type.Integer(), Type.Null()]),
    conversationId: Type.Union([Type.Integer(), Type.Null()], { description: 'Messages: the private conversation' }),
    messageId: Type.Union([Type.Integer(), Type.Null()], { description: 'Messages: the latest message this notification stands for' }),
    messageNumber: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.String({ description: 'The topic\'s or the conversation\'s title' }),
    notice: Type.Union([Type.Object({ text: Type.String(), url: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
      description: 'Moderation and program notices: what happened (a held post, a sanction, an appeal decided, a flag settled, a new trust level, an idea\'s new status, an event reminder, a badge) and where to look',
    }),
    emoji: Type.Union([Type.String(), Type.Null()], { description: 'Reactions: the latest emoji' }),
    count: Type.Integer({ description: 'How many events this notification stands for (reactions and messages collapse)' }),
    createdAt: Timestamp,
    readAt: NullableTimestamp,
  },
  { $id: 'Notification' },
);
export type NotificationView = Static<typeof NotificationView>;

export const NotificationPage = Type.Object({ items: Type.Array(NotificationView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: notificationLimits.pageMax, default: notificationLimits.pageDefault })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type NotificationQuery = Static<typeof NotificationQuery>;

export const UnreadCount = Type.Object({ unreadCount: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;

export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { maxItems: notificationLimits.readIdsMax, description: 'Leave out to mark every notification read' }),
    ),
  },
  { additionalProperties: false },
);
export type MarkReadBody = Static<typeof MarkReadBody>;

export const MarkReadResult = Type.Object({ marked: Type.Integer({ description: 'How many were unread and are now read' }), unreadCount: Type.Integer() });
export type MarkReadResult = Static<typeof MarkReadResult>;

export const Level = Type.Union(LEVELS.map((l) => Type.Literal(l)), {
  description: 'watching: every new post · tracking/normal: replies and mentions · muted: only direct mentions',
});

export const LevelBody = Type.Object({ level: Level }, { additionalProperties: false });
export type LevelBody = Static<typeof LevelBody>;
export const LevelView = Type.Object({ level: Level });
export type LevelView = Static<typeof LevelView>;

export const TopicReadBody = Type.Object(
  { postNumber: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The highest post number read; clamped to the topic\'s last post' }) },
  { additionalProperties: false },
);
export type TopicReadBody = Static<typeof TopicReadBody>;

export const TopicReadView = Type.Object({ lastReadPostNumber: Type.Integer(), unreadCount: Type.Integer() });
export type TopicReadView = Static<typeof TopicReadView>;

export const UnreadTopicView = Type.Object({
  topicId: Type.Integer(),
  spaceId: Type.Integer(),
  title: Type.String(),
  lastPostedAt: Timestamp,
  lastReadPostNumber: Type.Integer(),
  unreadCount: Type.Integer(),
  notificationLevel: Level,
});
export const UnreadTopicPage = Type.Object({ items: Type.Array(UnreadTopicView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type UnreadTopicPage = Static<typeof UnreadTopicPage>;

/** What a signed-in viewer's topic views gain. */
export interface TopicViewerState {
  lastReadPostNumber: number;
  unreadCount: number;
  notificationLevel: Static<typeof Level>;
}
