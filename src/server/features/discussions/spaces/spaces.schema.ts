import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';

const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')], { description: 'private: staff and the groups granted access only' });
export const SpaceKind = Type.Union(
  [Type.Literal('discussion'), Type.Literal('qa'), Type.Literal('ideas'), Type.Literal('bugs'), Type.Literal('events'), Type.Literal('articles')],
  { description: 'How its topics behave: discussions, questions with accepted answers, an ideas board, bug reports, events, or a knowledge base of articles' },
);

export const SpaceView = Type.Object(
  {
    id: Type.Integer(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    name: Type.String(),
    slug: Type.String(),
    description: Type.String(),
    color: Type.String(),
    position: Type.Integer(),
    visibility: Visibility,
    kind: SpaceKind,
    topicCount: Type.Integer(),
    postCount: Type.Integer(),
    lastPostedAt: NullableTimestamp,
    canPost: Type.Boolean({ description: 'Whether the viewer may start topics here' }),
    canReply: Type.Boolean({ description: 'Whether the viewer may reply to topics here' }),
    createdAt: Timestamp,
  },
  { $id: 'Space' },
);
export type SpaceView = Static<typeof SpaceView>;

export const SpaceList = Type.Object({ items: Type.Array(SpaceView) });

export const CreateSpaceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    slug: Type.String({ minLength: 2, maxLength: 50, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Lower-case letters, digits and -' }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    visibility: Visibility,
    kind: Type.Optional(SpaceKind),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: '#rrggbb' })),
    parentId: Type.Optional(Type.Integer({ minimum: 1, description: 'A top-level space; spaces nest one level' })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type CreateSpaceBody = Static<typeof CreateSpaceBody>;

export const UpdateSpaceBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    slug: Type.Optional(Type.String({ minLength: 2, maxLength: 50, pattern: '^[a-z0-9][a-z0-9-]*$' })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    visibility: Type.Optional(Visibility),
    kind: Type.Optional(SpaceKind),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSpaceBody = Static<typeof UpdateSpaceBody>;

export const SpaceGrantBody = Type.Object(
  {
    groupId: Type.Integer({ minimum: 1 }),
    canSee: Type.Boolean(),
    canPost: Type.Boolean(),
    canReply: Type.Boolean(),
    canModerate: Type.Optional(Type.Boolean({ description: 'Members of the group moderate this space: they work its items in the review queue (default false)' })),
  },
  { additionalProperties: false },
);

export const SpacePermissionsBody = Type.Object(
  { grants: Type.Array(SpaceGrantBody, { maxItems: 50, description: 'Replaces every grant of the space' }) },
  { additionalProperties: false },
);
export type SpacePermissionsBody = Static<typeof SpacePermissionsBody>;

export const SpacePermissionsView = Type.Object({
  grants: Type.Array(Type.Composite([SpaceGrantBody, Type.Object({ groupName: Type.String() })])),
});
export type SpacePermissionsView = Static<typeof SpacePermissionsView>;
