// Payloads of the review queue API.
import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';
import { SanctionKindSchema } from '../sanctions/sanctions.schema';

const Kind = Type.Union([Type.Literal('flagged_post'), Type.Literal('held_post'), Type.Literal('first_post'), Type.Literal('flagged_member'), Type.Literal('signup')]);
const Status = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('dismissed')]);

export const QueueQuery = Type.Object({
  status: Type.Optional(Type.Union([Status], { default: 'pending' })),
  kind: Type.Optional(Kind),
  spaceId: Type.Optional(Type.Integer({ minimum: 1 })),
  olderThanHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760, description: 'Only items waiting longer than this' })),
  sort: Type.Optional(Type.Union([Type.Literal('score'), Type.Literal('age')], { default: 'age', description: 'score: highest first · age: oldest first' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});
export type QueueQuery = Static<typeof QueueQuery>;

export const ReviewItemView = Type.Object(
  {
    id: Type.Integer(),
    kind: Kind,
    status: Status,
    score: Type.Number({ description: 'Flag weight, or the spam score for held posts' }),
    reason: Type.Unknown({ description: 'Why it is here: { source, rule, message, guideline, evidence, scores, versions } or { source: "flags", reasons, flags }' }),
    member: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String(), trustLevel: Type.Integer(), joinedAt: Timestamp }),
    post: Type.Union([
      Type.Object({
        id: Type.Integer(),
        topicId: Type.Integer(),
        topicTitle: Type.String(),
        topicSlug: Type.String(),
        postNumber: Type.Integer(),
        body: Type.String({ description: 'The Markdown' }),
        html: Type.String({ description: 'Sanitized HTML' }),
        state: Type.Union([Type.Literal('held'), Type.Literal('hidden'), Type.Literal('rejected'), Type.Null()], { description: 'null: visible to everyone' }),
      }),
      Type.Null(),
    ]),
    space: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
    claimedBy: Type.Union([Type.String(), Type.Null()]),
    claimedAt: NullableTimestamp,
    resolvedBy: Type.Union([Type.String(), Type.Null()]),
    resolvedAt: NullableTimestamp,
    resolution: Type.Union([Type.String(), Type.Null()]),
    resolutionReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'ReviewItem' },
);
export type ReviewItemView = Static<typeof ReviewItemView>;

export const QueuePage = Type.Object({ items: Type.Array(ReviewItemView), hasMore: Type.Boolean(), pending: Type.Integer({ description: 'All pending items' }) });
export type QueuePage = Static<typeof QueuePage>;

export const DecisionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('hide'), Type.Literal('delete'), Type.Literal('dismiss'), Type.Literal('edit')], {
      description:
        'approve: publish it / no problem · reject: remove it for good (held posts) · hide: keep it from others · delete: remove a published post · dismiss: no violation (flags disagreed) · edit: replace the body (body), then publish',
    }),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'For the record (and the author)' }),
    guideline: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The guidelines section it cites' })),
    message: Type.Optional(Type.String({ maxLength: 5000, description: 'A message to the author' })),
    category: Type.Optional(Type.Union([Type.Literal('spam'), Type.Literal('abuse'), Type.Literal('other')], { description: 'What was wrong; spam and abuse teach the classifiers' })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 32_000, description: 'edit: the new Markdown' })),
    sanction: Type.Optional(
      Type.Object(
        {
          kind: SanctionKindSchema,
          hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 87_600, description: 'Default: the next step of the escalation ladder' })),
        },
        { additionalProperties: false, description: 'Also warn, silence, suspend or ban the author, for the same reason and guideline' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;
