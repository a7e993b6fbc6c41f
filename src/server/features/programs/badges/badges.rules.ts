// Pure badge decisions: the thresholds of the rules and the leaderboard periods.
import type { BadgeRule } from '../../../platform/db/schema-qa';

export const badgeThresholds = {
  /** Up-votes received on answers for "helpful". */
  helpfulVotes: 10,
  /** Topics of newcomers a member replied to first, for "welcome committee". */
  welcomeTopics: 5,
  /** A newcomer joined less than this many days before their topic. */
  newcomerDays: 14,
  /** Days as a member for "anniversary" (and posted within the last this many days). */
  anniversaryDays: 365,
} as const;

export const badgeRules: readonly BadgeRule[] = ['first_post', 'first_accepted_answer', 'helpful', 'welcome_committee', 'anniversary'];

/** Which rules an event can newly satisfy for the member who acted or received. */
export const rulesFor = {
  posted: ['first_post', 'welcome_committee', 'anniversary'],
  accepted: ['first_accepted_answer'],
  upvoted: ['helpful'],
} as const satisfies Record<string, readonly BadgeRule[]>;

export type LeaderboardPeriod = 'week' | 'month' | 'year' | 'all';

const periodDays: Record<Exclude<LeaderboardPeriod, 'all'>, number> = { week: 7, month: 30, year: 365 };

/** The start of a rolling period ending now; null for all time. */
export function periodStart(period: LeaderboardPeriod, now: Date): Date | null {
  if (period === 'all') return null;
  return new Date(now.getTime() - periodDays[period] * 86_400_000);
}

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

/** Standard competition ranking ("1224"): equal points share a rank. */
export function ranks(points: readonly number[]): number[] {
  const out: number[] = [];
  points.forEach((p, i) => out.push(i > 0 && points[i - 1] === p ? (out[i - 1] ?? 1) : i + 1));
  return out;
}
