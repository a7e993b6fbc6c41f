// Payloads of the sanctions API.
import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';

export const SanctionKindSchema = Type.Union([Type.Literal('warning'), Type.Literal('silence'), Type.Literal('suspension'), Type.Literal('ban')], {
  description: 'warning: a private message and a record · silence: can read, cannot post · suspension: cannot sign in · ban: a suspension that also blocks the email and IP addresses',
});

export const SanctionBody = Type.Object(
  {
    kind: SanctionKindSchema,
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why, for the record and the member' }),
    guideline: Type.String({ minLength: 1, maxLength: 100, description: 'The guidelines section it cites (its heading or anchor)' }),
    message: Type.Optional(Type.String({ maxLength: 5000, description: 'A message to the member (a warning is sent as a private message)' })),
    hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 87_600, description: 'How long (not for warnings); default: the next step of the escalation ladder' })),
    postId: Type.Optional(Type.Integer({ minimum: 1, description: 'The post it is about, if any' })),
  },
  { additionalProperties: false },
);
export type SanctionBody = Static<typeof SanctionBody>;

export const SanctionView = Type.Object(
  {
    id: Type.Integer(),
    memberId: Type.Integer(),
    kind: SanctionKindSchema,
    reason: Type.String(),
    guideline: Type.Union([Type.String(), Type.Null()]),
    message: Type.Union([Type.String(), Type.Null()]),
    startsAt: Timestamp,
    endsAt: Timestamp,
    active: Type.Boolean({ description: 'In force now (not lifted, not ended)' }),
    createdBy: Type.Union([Type.String(), Type.Null()], { description: 'The moderator\'s username' }),
    liftedAt: NullableTimestamp,
    postId: Type.Union([Type.Integer(), Type.Null()]),
    appeal: Type.Union([Type.String(), Type.Null()], { description: 'The appeal\'s status, if the member appealed' }),
  },
  { $id: 'Sanction' },
);
export type SanctionView = Static<typeof SanctionView>;

export const LadderSuggestion = Type.Object({
  kind: SanctionKindSchema,
  hours: Type.Integer({ description: '0 for a warning' }),
  step: Type.Integer({ description: '0: first offence (warning); 1–4: 1 day, 3 days, 1 week, 30 days' }),
});
