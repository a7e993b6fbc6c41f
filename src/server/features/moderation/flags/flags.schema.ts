import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Page, PageQuery, Timestamp } from '../../../platform/http/schemas';

export const flagLimits = { messageMax: 1000 } as const;

export const FlagReason = Type.Union(
  ['spam', 'harassment', 'off_topic', 'inappropriate', 'other'].map((r) => Type.Literal(r as 'spam' | 'harassment' | 'off_topic' | 'inappropriate' | 'other')),
  { description: 'What is wrong' },
);
const FlagStatus = Type.Union(['open', 'agreed', 'disagreed', 'ignored'].map((s) => Type.Literal(s as 'open' | 'agreed' | 'disagreed' | 'ignored')), {
  description: 'open until a moderator reviews it; agreed (they acted), disagreed (no violation) or ignored',
});

export const FlagBody = Type.Object(
  {
    reason: FlagReason,
    message: Type.Optional(Type.String({ maxLength: flagLimits.messageMax, description: 'For the moderators; required for "other"' })),
  },
  { additionalProperties: false },
);
export type FlagBody = Static<typeof FlagBody>;

/** A flag as its flagger sees it. */
export const MyFlagView = Type.Object(
  {
    id: Type.Integer(),
    postId: Type.Union([Type.Integer(), Type.Null()], { description: 'null for a flag on a member' }),
    topicId: Type.Union([Type.Integer(), Type.Null()]),
    member: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) }, { description: 'The post\'s author or the flagged member' }),
    reason: FlagReason,
    message: Type.Union([Type.String(), Type.Null()]),
    status: FlagStatus,
    createdAt: Timestamp,
    resolvedAt: NullableTimestamp,
  },
  { $id: 'MyFlag' },
);
export type MyFlagView = Static<typeof MyFlagView>;

export const MyFlagPage = Page(MyFlagView);
export type MyFlagPage = Static<typeof MyFlagPage>;
export const MyFlagQuery = Type.Composite([PageQuery], { additionalProperties: false });
export type MyFlagQuery = Static<typeof MyFlagQuery>;

/** A flag as staff see it, with its flagger and weight. */
export const StaffFlagView = Type.Object({
  id: Type.Integer(),
  flagger: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String(), trustLevel: Type.Integer() }),
  reason: FlagReason,
  message: Type.Union([Type.String(), Type.Null()]),
  weight: Type.Number(),
  status: FlagStatus,
  reviewItemId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Timestamp,
  resolvedAt: NullableTimestamp,
});

export const PostFlagsView = Type.Object(
  {
    postId: Type.Integer(),
    openWeight: Type.Number({ description: 'The summed weight of the open flags' }),
    threshold: Type.Number({ description: 'At this open weight the post is hidden until review (flagHideThreshold)' }),
    moderationState: Type.Union([Type.Literal('held'), Type.Literal('hidden'), Type.Literal('rejected'), Type.Null()]),
    items: Type.Array(StaffFlagView),
  },
  { $id: 'PostFlags' },
);
export type PostFlagsView = Static<typeof PostFlagsView>;
