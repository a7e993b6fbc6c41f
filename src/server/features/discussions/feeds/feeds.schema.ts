import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../../platform/http/schemas';
import { limits } from '../discussions.rules';

const periods = ['day', 'week', 'month', 'year'] as const;
export type FeedPeriod = (typeof periods)[number];

export const FeedQuery = Type.Composite([
  PageQuery,
  Type.Object({
    feed: Type.Optional(
      Type.Union([Type.Literal('latest'), Type.Literal('top'), Type.Literal('new')], {
        default: 'latest',
        description: 'latest: by last activity; top: by replies + reactions in the period; new (members only): recent topics the viewer never opened, newest first',
      }),
    ),
    period: Type.Optional(Type.Union(periods.map((p) => Type.Literal(p)), { default: 'week', description: 'For top' })),
    space: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: limits.tagMax })),
  }),
]);
export type FeedQuery = Static<typeof FeedQuery>;

export const AtomXml = Type.String({ description: 'An Atom 1.0 document (application/atom+xml)' });
