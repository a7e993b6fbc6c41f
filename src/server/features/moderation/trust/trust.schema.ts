import { Type, type Static } from '@sinclair/typebox';
import { TrustLimits, TrustRequirements } from '../../settings';

const Count = Type.Integer({ minimum: 0 });

export const TrustCountsView = Type.Object({
  daysVisited: Count,
  topicsEntered: Count,
  postsRead: Count,
  topicsCreated: Count,
  replies: Count,
  reactionsGiven: Count,
  reactionsReceived: Count,
  flagsAgreed: Type.Integer({ minimum: 0, description: 'Flags against the member that moderators agreed with' }),
  sanctions: Type.Integer({ minimum: 0, description: 'Silences, suspensions and bans not lifted early' }),
});

export const TrustLevelInfo = Type.Object({
  level: Type.Integer({ minimum: 0, maximum: 4 }),
  name: Type.String(),
  description: Type.String(),
  requirements: Type.Union([TrustRequirements, Type.Null()], { description: 'null: every member starts at 0; 4 is granted by staff' }),
  /** Days the requirements are counted over; null: all time. */
  periodDays: Type.Union([Type.Integer(), Type.Null()], { description: 'The requirements count this many last days; null: all time' }),
  limits: TrustLimits,
  flagWeight: Type.Number({ description: 'The weight of a flag at this level before its flagger\'s accuracy is applied' }),
});

export const TrustLevelsView = Type.Object({ levels: Type.Array(TrustLevelInfo) }, { $id: 'TrustLevels' });
export type TrustLevelsView = Static<typeof TrustLevelsView>;

export const RequirementView = Type.Object({
  metric: Type.Union(['daysVisited', 'topicsEntered', 'postsRead', 'replies', 'reactionsGiven', 'reactionsReceived', 'flagsAgreed'].map((m) => Type.Literal(m))),
  kind: Type.Union([Type.Literal('atLeast'), Type.Literal('atMost')]),
  required: Type.Integer(),
  current: Type.Integer(),
  met: Type.Boolean(),
});

export const MyTrustView = Type.Object(
  {
    level: Type.Integer({ minimum: 0, maximum: 4 }),
    name: Type.String(),
    locked: Type.Boolean({ description: 'Set by staff: the daily recompute leaves it alone' }),
    stats: Type.Object({ allTime: TrustCountsView, recent: TrustCountsView }),
    periodDays: Type.Integer({ description: 'What "recent" covers (trust level 3 is judged on it)' }),
    limits: TrustLimits,
    next: Type.Union(
      [Type.Object({ level: Type.Integer(), name: Type.String(), period: Type.Union([Type.Literal('allTime'), Type.Literal('recent')]), met: Type.Boolean(), requirements: Type.Array(RequirementView) }), Type.Null()],
      { description: 'The next level the member can earn and how far they are; null at 3 and above' },
    ),
    keep: Type.Union([Type.Object({ met: Type.Boolean(), requirements: Type.Array(RequirementView) }), Type.Null()], {
      description: 'At trust level 3: whether the member still meets it over the period (otherwise the next recompute lowers them to 2)',
    }),
  },
  { $id: 'MyTrust' },
);
export type MyTrustView = Static<typeof MyTrustView>;

const LevelChange = Type.Object({ memberId: Type.Integer(), username: Type.String(), from: Type.Integer(), to: Type.Integer() });

export const RecomputeResult = Type.Object({
  changed: Type.Integer({ minimum: 0 }),
  promoted: Type.Array(LevelChange),
  demoted: Type.Array(LevelChange),
});
export type RecomputeResult = Static<typeof RecomputeResult>;
export type LevelChange = Static<typeof LevelChange>;
