// Trust levels as plain decisions: which level a member's participation earns, what the job does with
// it (levels go up; only 3 drops, to 2; a locked level or 4 never changes), and the progress shown.
import type { SiteSettings } from '../../settings';

export type TrustThresholds = SiteSettings['trustLevelThresholds'];
export type TrustRequirements = TrustThresholds['tl1'];

/** What a member did, all time or over the trust level 3 period. */
export interface TrustCounts {
  daysVisited: number;
  topicsEntered: number;
  postsRead: number;
  topicsCreated: number;
  replies: number;
  reactionsGiven: number;
  reactionsReceived: number;
  flagsAgreed: number;
  /** Silences, suspensions and bans that were not lifted early. */
  sanctions: number;
}

export interface TrustStats {
  allTime: TrustCounts;
  /** Over the last tl3PeriodDays: what trust level 3 is judged on. */
  recent: TrustCounts;
}

export type EarnedLevel = 0 | 1 | 2 | 3;

export const levelNames = ['New', 'Basic', 'Member', 'Regular', 'Leader'] as const;

const minimums = ['daysVisited', 'topicsEntered', 'postsRead', 'replies', 'reactionsGiven', 'reactionsReceived'] as const;
type Minimum = (typeof minimums)[number];

export function meets(counts: TrustCounts, req: TrustRequirements): boolean {
  if (minimums.some((key) => counts[key] < req[key])) return false;
  return req.maxFlagsAgreed === null || counts.flagsAgreed <= req.maxFlagsAgreed;
}

/** The highest of levels 1–3 whose requirements the member meets (each level needs the ones below). */
export function earnedLevel(stats: TrustStats, thresholds: TrustThresholds): EarnedLevel {
  if (!meets(stats.allTime, thresholds.tl1)) return 0;
  if (!meets(stats.allTime, thresholds.tl2)) return 1;
  // As in Discourse, a silence, suspension or ban in the period keeps a member from level 3.
  if (!meets(stats.recent, thresholds.tl3) || stats.recent.sanctions > 0) return 2;
  return 3;
}

/**
 * The level the recompute job sets. Levels only go up, except that 3 is kept by staying active: a
 * member who no longer earns it drops to 2. A locked level, level 4 and a restricted member's level
 * (suspended or silenced now: no promotion) stay as they are.
 */
export function nextLevel(member: { level: number; locked: boolean; restricted: boolean }, earned: EarnedLevel): number {
  if (member.locked || member.level >= 4) return member.level;
  if (earned > member.level) return member.restricted ? member.level : earned;
  if (member.level === 3 && earned < 3) return 2;
  return member.level;
}

export interface RequirementProgress {
  metric: Minimum | 'flagsAgreed';
  /** 'atLeast': current must reach required; 'atMost': current must not exceed it. */
  kind: 'atLeast' | 'atMost';
  required: number;
  current: number;
  met: boolean;
}

/** How far the member is from each requirement of a level (1–3); period: which counts it is judged on. */
export function progressToward(stats: TrustStats, thresholds: TrustThresholds, level: 1 | 2 | 3): { period: 'allTime' | 'recent'; requirements: RequirementProgress[] } {
  const req = level === 1 ? thresholds.tl1 : level === 2 ? thresholds.tl2 : thresholds.tl3;
  const period = level === 3 ? 'recent' : 'allTime';
  const counts = stats[period];
  const requirements: RequirementProgress[] = minimums
    .filter((key) => req[key] > 0)
    .map((key) => ({ metric: key, kind: 'atLeast', required: req[key], current: counts[key], met: counts[key] >= req[key] }));
  if (req.maxFlagsAgreed !== null) {
    requirements.push({ metric: 'flagsAgreed', kind: 'atMost', required: req.maxFlagsAgreed, current: counts.flagsAgreed, met: counts.flagsAgreed <= req.maxFlagsAgreed });
  }
  return { period, requirements };
}

/** What a member is told when the job changes their level. */
export function levelNotice(from: number, to: number, periodDays: number): { title: string; text: string } {
  const name = `trust level ${to} (${levelNames[to] ?? to})`;
  if (to < from) {
    return {
      title: `Your trust level is now ${to}`,
      text: `Trust level 3 needs steady participation over the last ${periodDays} days. You are at ${name} for now and will get level 3 back when you meet its requirements again.`,
    };
  }
  const unlocks: Record<number, string> = {
    1: 'you can post more links and images, start more topics and reply more often',
    2: 'posting limits are lifted and your flags carry more weight',
    3: 'your flags carry more weight still; keep visiting and taking part to keep this level',
  };
  return { title: `You reached trust level ${to}`, text: `Welcome to ${name}: ${unlocks[to] ?? 'thank you for taking part'}.` };
}
