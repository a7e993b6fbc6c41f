import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, PageQuery, Timestamp } from '../../../platform/http/schemas';
import { NotificationLevelSchema } from '../../notifications';
import { limits } from '../discussions.rules';
import { AuthorView, PostBody, PostView } from '../posts/posts.schema';

export const TopicView = Type.Object(
  {
    id: Type.Integer(),
    spaceId: Type.Integer(),
    title: Type.String(),
    slug: Type.String(),
    tags: Type.Array(Type.String()),
    author: AuthorView,
    pinned: Type.Boolean(),
    locked: Type.Boolean({ description: 'No replies or edits, except by staff' }),
    closed: Type.Boolean({ description: 'No new replies, except by staff' }),
    unlisted: Type.Boolean({ description: 'Left out of space listings; reachable by link' }),
    replyCount: Type.Integer(),
    lastPostedAt: Timestamp,
    createdAt: Timestamp,
    deletedAt: NullableTimestamp,
    mergedIntoId: Type.Union([Type.Integer(), Type.Null()], { description: 'Staff merged this topic into that one: its posts are there now' }),
    slowModeSeconds: Type.Integer({ description: 'Members may post once every this many seconds here; 0: no slow mode' }),
    lastReadPostNumber: Type.Optional(Type.Integer({ description: 'Signed-in viewers: the highest post number they read (0: none)' })),
    unreadCount: Type.Optional(Type.Integer({ description: 'Signed-in viewers: posts after the one they last read' })),
    notificationLevel: Type.Optional(NotificationLevelSchema),
  },
  { $id: 'Topic' },
);
export type TopicView = Static<typeof TopicView>;

export const TopicDetail = Type.Composite([
  TopicView,
  Type.Object({
    canReply: Type.Boolean({ description: 'Whether the viewer may reply now' }),
    posts: Type.Array(PostView),
    nextAfter: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as ?after= for the next page of posts' }),
  }),
]);
export type TopicDetail = Static<typeof TopicDetail>;

export const TopicPage = Type.Object({ items: Type.Array(TopicView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type TopicPage = Static<typeof TopicPage>;
export const TopicListQuery = PageQuery;

export const TopicQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Posts after this post number' })),
});

const Title = Type.String({ minLength: limits.titleMin, maxLength: limits.titleMax });
const Tag = Type.String({ minLength: 1, maxLength: limits.tagMax, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' });

export const CreateTopicBody = Type.Object(
  {
    spaceId: Type.Integer({ minimum: 1 }),
    title: Title,
    body: PostBody,
    tags: Type.Optional(Type.Array(Tag, { maxItems: limits.tagsMax })),
  },
  { additionalProperties: false },
);
export type CreateTopicBody = Static<typeof CreateTopicBody>;

export const PatchTopicBody = Type.Object(
  {
    title: Type.Optional(Title),
    locked: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    closed: Type.Optional(Type.Boolean()),
    unlisted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, description: 'title: its author or staff; the flags: staff' },
);
export type PatchTopicBody = Static<typeof PatchTopicBody>;

export const MoveTopicBody = Type.Object({ spaceId: Type.Integer({ minimum: 1, description: 'The space to move the topic to' }) }, { additionalProperties: false });
export type MoveTopicBody = Static<typeof MoveTopicBody>;
