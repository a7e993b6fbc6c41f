import { Type, type Static } from '@sinclair/typebox';
import { limits } from '../discussions.rules';

export const tagLimits = { pageDefault: 100, pageMax: 200 } as const;

export const TagListQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: limits.tagMax, description: 'Only tags starting with this (any case)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: tagLimits.pageMax, default: tagLimits.pageDefault })),
});
export type TagListQuery = Static<typeof TagListQuery>;

export const TagView = Type.Object(
  {
    tag: Type.String(),
    topicCount: Type.Integer({ description: 'Listed, live topics with the tag in the spaces the viewer may see' }),
  },
  { $id: 'Tag' },
);
export type TagView = Static<typeof TagView>;

export const TagList = Type.Object({ items: Type.Array(TagView, { description: 'Most used first, then by name' }) });
export type TagList = Static<typeof TagList>;
