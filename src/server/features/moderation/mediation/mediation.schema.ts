import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, PageQuery, Timestamp } from '../../../platform/http/schemas';
import { mediationRules } from './mediation.rules';

export const mediationLimits = { messageMax: 10_000, outcomeMax: 2000, reasonMax: 1000 } as const;

const PairMember = Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) });
const TopicRef = Type.Union([Type.Object({ id: Type.Integer(), title: Type.String() }), Type.Null()]);
const MemberIds = Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { minItems: 2, maxItems: 2, description: 'The two members' });

export const SuggestionView = Type.Object(
  {
    members: Type.Array(PairMember, { minItems: 2, maxItems: 2 }),
    reasons: Type.Array(Type.Union([Type.Literal('mutual_flags'), Type.Literal('heated_thread')])),
    evidence: Type.Array(Type.String(), { description: 'e.g. "flagged each other 3 times"' }),
    topic: TopicRef,
    mediationOpen: Type.Boolean(),
    openMediationId: Type.Union([Type.Integer(), Type.Null()]),
    cooldownUntil: NullableTimestamp,
  },
  { $id: 'MediationSuggestion' },
);
export type SuggestionView = Static<typeof SuggestionView>;

export const SuggestionList = Type.Object({ items: Type.Array(SuggestionView) });
export type SuggestionList = Static<typeof SuggestionList>;

export const SuggestionQuery = Type.Object(
  { includeSettled: Type.Optional(Type.Boolean({ default: false, description: 'Also list pairs with an open mediation or an active cool-down' })) },
  { additionalProperties: false },
);
export type SuggestionQuery = Static<typeof SuggestionQuery>;

export const MediationView = Type.Object(
  {
    id: Type.Integer(),
    members: Type.Array(PairMember, { minItems: 2, maxItems: 2 }),
    moderator: Type.Union([PairMember, Type.Null()]),
    conversationId: Type.Union([Type.Integer(), Type.Null()]),
    topic: TopicRef,
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    cooldownUntil: NullableTimestamp,
    coolingDown: Type.Boolean({ description: 'Whether the cool-down is still running' }),
    outcome: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    closedAt: NullableTimestamp,
  },
  { $id: 'Mediation' },
);
export type MediationView = Static<typeof MediationView>;

export const MediationPage = Type.Object({ items: Type.Array(MediationView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type MediationPage = Static<typeof MediationPage>;

export const MediationListQuery = Type.Composite(
  [PageQuery, Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) })],
  { additionalProperties: false },
);
export type MediationListQuery = Static<typeof MediationListQuery>;

export const OpenMediationBody = Type.Object(
  {
    memberIds: MemberIds,
    topicId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The topic the mediation is about' })),
    message: Type.String({ minLength: 1, maxLength: mediationLimits.messageMax, description: 'The first message of the private conversation with both members (Markdown)' }),
  },
  { additionalProperties: false },
);
export type OpenMediationBody = Static<typeof OpenMediationBody>;

export const CooldownBody = Type.Object(
  {
    days: Type.Integer({ minimum: mediationRules.cooldownMinDays, maximum: mediationRules.cooldownMaxDays }),
    reason: Type.String({ minLength: 1, maxLength: mediationLimits.reasonMax, description: 'Told to both members' }),
  },
  { additionalProperties: false },
);
export type CooldownBody = Static<typeof CooldownBody>;

export const CloseBody = Type.Object({ outcome: Type.String({ minLength: 1, maxLength: mediationLimits.outcomeMax }) }, { additionalProperties: false });
export type CloseBody = Static<typeof CloseBody>;
