// Mediation decisions: which pairs of members a moderator should look at (they flag each other, or a
// thread between them heats up), in what order, with what evidence; and when a cool-down ends.

/** Thresholds for suggestions and cool-downs. */
export const mediationRules = {
  /** Mutual flags count when both were raised in this many days. */
  flagWindowDays: 30,
  /** Replies between two members count when written in this many days. */
  heatWindowDays: 7,
  /** Replies to each other in one topic, both ways together, before a thread counts as ping-pong. */
  minExchanges: 3,
  /** Mean of (hate + offensive) over those replies before the ping-pong counts as heated. */
  minMeanAbuse: 0.5,
  cooldownMinDays: 1,
  cooldownMaxDays: 90,
  maxSuggestions: 50,
} as const;

const DAY_MS = 86_400_000;

export type SuggestionReason = 'mutual_flags' | 'heated_thread';

/** Flags between two members (a < b) in the window, each way. */
export interface FlagsBetween {
  memberA: number;
  memberB: number;
  aFlaggedB: number;
  bFlaggedA: number;
}

/** Replies between two members (a < b) in one topic in the window, each way, and their mean abuse score. */
export interface RepliesBetween {
  memberA: number;
  memberB: number;
  topicId: number;
  topicTitle: string;
  aRepliedToB: number;
  bRepliedToA: number;
  /** Mean of hate + offensive over the scored replies; null when none was scored. */
  meanAbuse: number | null;
}

/** What already happens between a pair: an open mediation, a cool-down. */
export interface PairState {
  memberA: number;
  memberB: number;
  openMediationId: number | null;
  cooldownUntil: Date | null;
}

export interface Suggestion {
  memberA: number;
  memberB: number;
  reasons: SuggestionReason[];
  evidence: string[];
  topic: { id: number; title: string } | null;
  openMediationId: number | null;
  cooldownUntil: Date | null;
  /** Orders suggestions: more flags, more and angrier replies first. */
  weight: number;
}

export function orderedPair(x: number, y: number): [number, number] {
  return x < y ? [x, y] : [y, x];
}

const keyOf = (a: number, b: number): string => `${a}:${b}`;

export function isMutualFlagging(f: FlagsBetween): boolean {
  return f.aFlaggedB >= 1 && f.bFlaggedA >= 1;
}

export function isPingPong(r: RepliesBetween): boolean {
  return r.aRepliedToB >= 1 && r.bRepliedToA >= 1 && r.aRepliedToB + r.bRepliedToA >= mediationRules.minExchanges;
}

export function isHeated(r: RepliesBetween): boolean {
  return isPingPong(r) && r.meanAbuse !== null && r.meanAbuse >= mediationRules.minMeanAbuse;
}

export function isSettled(state: PairState | undefined, now: Date): boolean {
  if (!state) return false;
  return state.openMediationId !== null || isCoolingDown(state.cooldownUntil, now);
}

export function flagEvidence(f: FlagsBetween): string {
  return `flagged each other ${f.aFlaggedB + f.bFlaggedA} times`;
}

export function heatEvidence(r: RepliesBetween): string {
  return `${r.aRepliedToB + r.bRepliedToA} back-and-forth replies in '${r.topicTitle}' with mean abuse ${(r.meanAbuse ?? 0).toFixed(2)}`;
}

/**
 * One suggestion per pair, merging its mutual flags and heated threads (the hottest thread is its
 * topic). Pairs with an open mediation or an active cool-down are left out unless includeSettled.
 */
export function buildSuggestions(
  flags: readonly FlagsBetween[],
  replies: readonly RepliesBetween[],
  states: readonly PairState[],
  options: { now: Date; includeSettled: boolean },
): Suggestion[] {
  const stateOf = new Map(states.map((s) => [keyOf(s.memberA, s.memberB), s]));
  const byPair = new Map<string, Suggestion>();
  const suggestionFor = (a: number, b: number): Suggestion => {
    const key = keyOf(a, b);
    const state = stateOf.get(key);
    let found = byPair.get(key);
    if (!found) {
      found = { memberA: a, memberB: b, reasons: [], evidence: [], topic: null, openMediationId: state?.openMediationId ?? null, cooldownUntil: state?.cooldownUntil ?? null, weight: 0 };
      byPair.set(key, found);
    }
    return found;
  };
  for (const f of flags.filter(isMutualFlagging)) {
    const s = suggestionFor(f.memberA, f.memberB);
    s.reasons.push('mutual_flags');
    s.evidence.push(flagEvidence(f));
    s.weight += f.aFlaggedB + f.bFlaggedA;
  }
  const hottestFirst = replies.filter(isHeated).sort((x, y) => (y.meanAbuse ?? 0) - (x.meanAbuse ?? 0));
  for (const r of hottestFirst) {
    const s = suggestionFor(r.memberA, r.memberB);
    if (!s.reasons.includes('heated_thread')) s.reasons.push('heated_thread');
    s.evidence.push(heatEvidence(r));
    s.topic ??= { id: r.topicId, title: r.topicTitle };
    s.weight += (r.aRepliedToB + r.bRepliedToA) * (r.meanAbuse ?? 0);
  }
  return [...byPair.values()]
    .filter((s) => options.includeSettled || !isSettled(stateOf.get(keyOf(s.memberA, s.memberB)), options.now))
    .sort((x, y) => y.weight - x.weight || x.memberA - y.memberA || x.memberB - y.memberB)
    .slice(0, mediationRules.maxSuggestions);
}

export function windowStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function cooldownEnd(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function isCoolingDown(cooldownUntil: Date | null, now: Date): boolean {
  return cooldownUntil !== null && cooldownUntil.getTime() > now.getTime();
}
