// Payloads of the appeals API.
import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';

const Status = Type.Union([Type.Literal('pending'), Type.Literal('upheld'), Type.Literal('overturned'), Type.Literal('reduced')]);

export const AppealBody = Type.Object(
  {
    sanctionId: Type.Optional(Type.Integer({ minimum: 1, description: 'The sanction appealed' })),
    reviewItemId: Type.Optional(Type.Integer({ minimum: 1, description: 'Or the moderation decision on your post appealed' })),
    body: Type.String({ minLength: 10, maxLength: 5000, description: 'Why the decision should change' }),
  },
  { additionalProperties: false },
);
export type AppealBody = Static<typeof AppealBody>;

export const AppealDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('uphold'), Type.Literal('overturn'), Type.Literal('reduce')], {
      description: 'uphold: the action stands · overturn: undone (the post restored, the sanction lifted) · reduce: the sanction shortened to `hours`',
    }),
    note: Type.String({ minLength: 1, maxLength: 2000, description: 'Told to the member' }),
    hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 87_600, description: 'reduce: the sanction\'s new length from its start' })),
  },
  { additionalProperties: false },
);
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

export const AppealView = Type.Object(
  {
    id: Type.Integer(),
    status: Status,
    member: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) }),
    sanctionId: Type.Union([Type.Integer(), Type.Null()]),
    reviewItemId: Type.Union([Type.Integer(), Type.Null()]),
    action: Type.String({ description: 'What is appealed, in words' }),
    body: Type.String(),
    actedBy: Type.Union([Type.String(), Type.Null()], { description: 'The moderator whose action is appealed (they cannot decide it)' }),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: NullableTimestamp,
    decisionNote: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Appeal' },
);
export type AppealView = Static<typeof AppealView>;

export const AppealQuery = Type.Object({ status: Type.Optional(Status), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })) });

export const AppealStats = Type.Object({
  items: Type.Array(
    Type.Object({
      moderator: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) }),
      actions: Type.Integer({ description: 'Queue decisions and sanctions in the audit log' }),
      appeals: Type.Integer(),
      overturned: Type.Integer(),
      reduced: Type.Integer(),
      overturnRate: Type.Number({ description: 'overturned / decided appeals (0 when none)' }),
    }),
  ),
});
