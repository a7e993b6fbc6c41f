import { Type, type Static } from '@sinclair/typebox';
import { limits } from '../discussions.rules';

export const splitLimits = { postsMax: 500 } as const;

export const SplitTopicBody = Type.Object(
  {
    postIds: Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
      minItems: 1,
      maxItems: splitLimits.postsMax,
      uniqueItems: true,
      description: 'Replies of this topic (not its first post); the earliest becomes the new topic\'s first post',
    }),
    title: Type.String({ minLength: limits.titleMin, maxLength: limits.titleMax, description: 'The new topic\'s title' }),
    spaceId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Where the new topic goes; the same space when omitted' })),
  },
  { additionalProperties: false },
);
export type SplitTopicBody = Static<typeof SplitTopicBody>;

export const MergeTopicBody = Type.Object(
  { intoTopicId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The topic that receives every post of this one' }) },
  { additionalProperties: false },
);
export type MergeTopicBody = Static<typeof MergeTopicBody>;
