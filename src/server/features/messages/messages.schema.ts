import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../platform/http/schemas';
import { messageLimits as limits } from './messages.rules';

export const MemberRef = Type.Object({
  id: Type.Integer(),
  username: Type.Union([Type.String(), Type.Null()], { description: 'Null for a member who is gone' }),
  displayName: Type.String(),
});
export type MemberRef = Static<typeof MemberRef>;

export const GroupRef = Type.Object({ id: Type.Integer(), name: Type.String() });
export type GroupRef = Static<typeof GroupRef>;

export const ConversationView = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    participants: Type.Array(MemberRef, { description: 'Members invited by name who have not left, the starter included' }),
    groups: Type.Array(GroupRef, { description: 'Every member of these groups, now and later, can read and reply' }),
    messageCount: Type.Integer({ description: 'The number of the last message (deleted ones included)' }),
    lastMessageAt: Timestamp,
    lastAuthor: Type.Union([MemberRef, Type.Null()]),
    lastReadNumber: Type.Integer({ description: 'The highest message number the viewer read (0: none)' }),
    unreadCount: Type.Integer({ description: 'Messages after the one the viewer read last' }),
    createdBy: Type.Union([MemberRef, Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Conversation' },
);
export type ConversationView = Static<typeof ConversationView>;

export const MessageView = Type.Object(
  {
    id: Type.Integer(),
    conversationId: Type.Integer(),
    number: Type.Integer({ description: '1 is the message that started the conversation' }),
    author: Type.Union([MemberRef, Type.Null()]),
    body: Type.String({ description: 'Markdown as written; empty when deleted' }),
    html: Type.String({ description: 'Sanitized HTML rendered from body; empty when deleted' }),
    deleted: Type.Boolean(),
    editedAt: NullableTimestamp,
    createdAt: Timestamp,
  },
  { $id: 'Message' },
);
export type MessageView = Static<typeof MessageView>;

export const ConversationDetail = Type.Composite([
  ConversationView,
  Type.Object({
    canReply: Type.Boolean({ description: 'False while the viewer is silenced' }),
    messages: Type.Array(MessageView),
    nextAfter: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as ?after= for the next page of messages' }),
  }),
]);
export type ConversationDetail = Static<typeof ConversationDetail>;

export const ConversationPage = Type.Object({ items: Type.Array(ConversationView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type ConversationPage = Static<typeof ConversationPage>;

export const ConversationListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.pageMax, default: limits.pageDefault })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: limits.queryMax, description: 'Only conversations whose title or messages match these words' })),
});
export type ConversationListQuery = Static<typeof ConversationListQuery>;

export const ConversationQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0, description: 'Messages after this message number' })),
});

export const MessageBody = Type.String({ minLength: limits.bodyMin, maxLength: limits.bodyMax, description: 'Markdown' });

export const CreateConversationBody = Type.Object(
  {
    recipients: Type.Array(Type.String({ minLength: 1, maxLength: limits.usernameMax }), {
      maxItems: limits.recipientsMax,
      description: 'Usernames; may be empty when groups are given. You take part anyway.',
    }),
    groups: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: limits.groupNameMax }), {
        maxItems: limits.groupsMax,
        description: 'Group names: any named group, or the built-in moderators and admins',
      }),
    ),
    title: Type.String({ minLength: limits.titleMin, maxLength: limits.titleMax }),
    body: MessageBody,
  },
  { additionalProperties: false },
);
export type CreateConversationBody = Static<typeof CreateConversationBody>;

export const ReplyBody = Type.Object({ body: MessageBody }, { additionalProperties: false });
export type ReplyBody = Static<typeof ReplyBody>;

export const ReadBody = Type.Object(
  { number: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The highest message number read; clamped to the last message' }) },
  { additionalProperties: false },
);
export type ReadBody = Static<typeof ReadBody>;

export const ReadView = Type.Object({ lastReadNumber: Type.Integer(), unreadCount: Type.Integer() });
export type ReadView = Static<typeof ReadView>;
