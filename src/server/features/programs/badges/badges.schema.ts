// Badge and leaderboard payloads.
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../../platform/http/schemas';

const BadgeRule = Type.Union(
  ['first_post', 'first_accepted_answer', 'helpful', 'welcome_committee', 'anniversary'].map((r) => Type.Literal(r as 'first_post' | 'first_accepted_answer' | 'helpful' | 'welcome_committee' | 'anniversary')),
);

export const BadgeView = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  rule: Type.Union([BadgeRule, Type.Null()], { description: 'The rule that grants it; null: granted by hand only (staff may grant any badge by hand)' }),
  grantCount: Type.Integer({ description: 'Members who hold it' }),
});
export type BadgeView = Static<typeof BadgeView>;

export const BadgeList = Type.Object({ items: Type.Array(BadgeView) }, { $id: 'BadgeList' });
export type BadgeList = Static<typeof BadgeList>;

export const MemberBadge = Type.Object({
  id: Type.Integer({ description: 'The badge' }),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  byHand: Type.Boolean({ description: 'Granted by staff rather than by a rule' }),
  reason: Type.Union([Type.String(), Type.Null()]),
  grantedAt: Timestamp,
});
export type MemberBadge = Static<typeof MemberBadge>;

export const MemberBadgesView = Type.Object(
  { username: Type.String(), reputation: Type.Integer(), items: Type.Array(MemberBadge) },
  { $id: 'MemberBadges' },
);
export type MemberBadgesView = Static<typeof MemberBadgesView>;

export const GrantBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Shown with the badge and in the audit log' })),
  },
  { additionalProperties: false },
);
export type GrantBody = Static<typeof GrantBody>;

export const GrantParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), username: Type.String({ minLength: 1, maxLength: 40 }) });
export const UsernameParam = Type.Object({ username: Type.String({ minLength: 1, maxLength: 40 }) });

export const LeaderboardQuery = Type.Object(
  { period: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('year'), Type.Literal('all')], { default: 'month', description: 'Rolling: the last 7, 30 or 365 days, or all time' })) },
  { additionalProperties: false },
);
export type LeaderboardQuery = Static<typeof LeaderboardQuery>;

export const LeaderboardView = Type.Object(
  {
    period: Type.String(),
    since: Type.Union([Timestamp, Type.Null()]),
    items: Type.Array(
      Type.Object({
        rank: Type.Integer(),
        member: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String() }),
        points: Type.Integer({ description: 'Reputation gained in the period' }),
        badgeCount: Type.Integer(),
      }),
    ),
  },
  { $id: 'Leaderboard' },
);
export type LeaderboardView = Static<typeof LeaderboardView>;
