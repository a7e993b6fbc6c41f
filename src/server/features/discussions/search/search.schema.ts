import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../../platform/http/schemas';
import { limits } from '../discussions.rules';
import { AuthorView } from '../posts/posts.schema';

/** A calendar date (2026-01-31) or a date and time (2026-01-31T12:00:00Z). */
const DateBound = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})?)?$', description: 'A date or a date-time' });

export const searchLimits = { qMax: 200, pageMax: 50, offsetMax: 1000 } as const;

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: searchLimits.qMax, description: 'Words; "a phrase", or, -not (websearch syntax)' }),
  type: Type.Optional(Type.Union([Type.Literal('topic'), Type.Literal('post')], { description: 'Topics (titles) or posts (bodies); both when omitted' })),
  space: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: limits.tagMax })),
  author: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'A username' })),
  after: Type.Optional(DateBound),
  before: Type.Optional(DateBound),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('locked')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: searchLimits.pageMax, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: searchLimits.offsetMax, default: 0 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object(
  {
    type: Type.Union([Type.Literal('topic'), Type.Literal('post')]),
    topicId: Type.Integer(),
    postId: Type.Union([Type.Integer(), Type.Null()]),
    postNumber: Type.Union([Type.Integer(), Type.Null()]),
    spaceId: Type.Integer(),
    title: Type.String({ description: 'The topic\'s title' }),
    tags: Type.Array(Type.String()),
    author: AuthorView,
    snippet: Type.String({ description: 'HTML: escaped text with the matches in <mark>…</mark>' }),
    rank: Type.Number(),
    createdAt: Timestamp,
  },
  { $id: 'SearchHit' },
);
export type SearchHit = Static<typeof SearchHit>;

export const SearchPage = Type.Object({
  items: Type.Array(SearchHit),
  nextOffset: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as ?offset= for the next page' }),
});
export type SearchPage = Static<typeof SearchPage>;
