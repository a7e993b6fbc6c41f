// Flags as plain decisions: how much a flag weighs (the flagger's trust level and track record), what a
// post's open flags add up to, and when they hide it until a moderator reviews it.
import type { FlagReason } from '../../../platform/db/schema-moderation';

/** A flag's weight before accuracy, by the flagger's trust level 0–4. */
export const baseWeights = [0.5, 0.75, 1, 1.25, 1.5] as const;
/** Moderators and admins: every flag of theirs weighs this. */
export const STAFF_FLAG_WEIGHT = 2;
/** Weights are compared to the threshold with this much slack (they are stored as float4). */
const EPSILON = 1e-4;

export interface FlagRecord {
  agreed: number;
  disagreed: number;
}

/**
 * 0.5 to 1.5: (agreed + 1) / (agreed + disagreed + 2), shifted up by a half. A newcomer scores 1; each
 * flag moderators agreed with raises it, each they found no violation in lowers it.
 */
export function accuracyFactor(record: FlagRecord): number {
  return 0.5 + (record.agreed + 1) / (record.agreed + record.disagreed + 2);
}

export function baseWeight(trustLevel: number): number {
  return baseWeights[Math.max(0, Math.min(4, Math.trunc(trustLevel)))] ?? baseWeights[0];
}

export function flagWeight(flagger: { trustLevel: number; isStaff: boolean }, record: FlagRecord): number {
  if (flagger.isStaff) return STAFF_FLAG_WEIGHT;
  return Math.round(baseWeight(flagger.trustLevel) * accuracyFactor(record) * 1000) / 1000;
}

/** Whether the open flags' weight hides the post. Staff posts are never hidden by flags, only queued. */
export function hidesPost(openWeight: number, threshold: number, authorIsStaff: boolean): boolean {
  return !authorIsStaff && openWeight + EPSILON >= threshold;
}

/** The note 'other' needs, trimmed; null for other reasons without one. Throws nothing: returns the problem. */
export function flagMessage(reason: FlagReason, message: string | undefined): { message: string | null } | { problem: string } {
  const text = message?.trim() ?? '';
  if (reason === 'other' && text.length === 0) return { problem: 'Tell the moderators what is wrong: a message is required for "other"' };
  return { message: text.length > 0 ? text : null };
}

/** Reason → how many open flags give it: what the review item shows. */
export function tallyReasons(reasons: readonly FlagReason[]): Partial<Record<FlagReason, number>> {
  const tally: Partial<Record<FlagReason, number>> = {};
  for (const reason of reasons) tally[reason] = (tally[reason] ?? 0) + 1;
  return tally;
}

/** The reason a review item records for flags: {source, reasons, flags}. */
export function flagsReason(reasons: readonly FlagReason[]): { source: 'flags'; reasons: Partial<Record<FlagReason, number>>; flags: number } {
  return { source: 'flags', reasons: tallyReasons(reasons), flags: reasons.length };
}

/**
 * Whether a member may flag a post they flagged before: only once that flag was settled and the post was
 * edited after it (an open flag is refused by the unique index; an unchanged post gets no second flag).
 */
export function mayFlagAgain(lastSettledAt: Date | null, editedAt: Date | null): boolean {
  if (lastSettledAt === null) return true;
  return editedAt !== null && editedAt.getTime() > lastSettledAt.getTime();
}
