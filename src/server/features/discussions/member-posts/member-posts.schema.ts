import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../../platform/http/schemas';
import { PostExcerptView } from '../posts/excerpts.schema';

export const MemberPostsQuery = Type.Composite([
  PageQuery,
  Type.Object({
    type: Type.Optional(Type.Union([Type.Literal('posts'), Type.Literal('topics')], { default: 'posts', description: 'posts: everything they wrote; topics: the first posts of topics they started' })),
  }),
]);
export type MemberPostsQuery = Static<typeof MemberPostsQuery>;

export const MemberPostsParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 30 }) });

export const MemberPostPage = Type.Object({ items: Type.Array(PostExcerptView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type MemberPostPage = Static<typeof MemberPostPage>;
