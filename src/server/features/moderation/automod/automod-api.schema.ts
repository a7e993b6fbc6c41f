// Payloads of the automod API: stored rules, reordering and dry-runs.
import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';
import { AutomodAction, AutomodCondition, AutomodRuleInput } from './automod.schema';

export const AutomodRuleView = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    enabled: Type.Boolean(),
    position: Type.Integer({ description: 'Rules run in this order' }),
    conditions: Type.Array(AutomodCondition),
    actions: Type.Array(AutomodAction),
    message: Type.Union([Type.String(), Type.Null()]),
    guideline: Type.Union([Type.String(), Type.Null()]),
    hits: Type.Integer({ description: 'Posts the rule has matched since it was created' }),
    lastHitAt: NullableTimestamp,
    problem: Type.Union([Type.String(), Type.Null()], { description: 'Why an enabled rule can never match (an unsafe regex, for example), if so' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'AutomodRule' },
);
export type AutomodRuleView = Static<typeof AutomodRuleView>;

export const AutomodRuleList = Type.Object({ items: Type.Array(AutomodRuleView) });

export const RuleOrderBody = Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 1000, uniqueItems: true }) }, { additionalProperties: false });

export const DryRunBody = Type.Object(
  {
    rule: AutomodRuleInput,
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'How far back to look' })),
  },
  { additionalProperties: false },
);
export type DryRunBody = Static<typeof DryRunBody>;

export const DryRunView = Type.Object(
  {
    days: Type.Integer(),
    scanned: Type.Integer({ description: 'Posts written in the period' }),
    matched: Type.Integer(),
    share: Type.Number({ description: 'matched / scanned' }),
    held: Type.Integer({ description: 'Matches the rule would have held' }),
    rejected: Type.Integer({ description: 'Matches the rule would have refused' }),
    warning: Type.Union([Type.String(), Type.Null()], { description: 'Set when the rule would catch more than the warning share of posts' }),
    ms: Type.Number({ description: 'How long the scan took' }),
    samples: Type.Array(
      Type.Object({
        postId: Type.Integer(),
        topicId: Type.Integer(),
        title: Type.String(),
        author: Type.Union([Type.String(), Type.Null()]),
        excerpt: Type.String(),
        createdAt: Timestamp,
        decision: Type.String(),
        evidence: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: 'DryRunReport' },
);
export type DryRunView = Static<typeof DryRunView>;
