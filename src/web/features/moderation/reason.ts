// Review items carry their reason as free JSON; this reads it into one shape the pages can show.
import { flagReasonLabels } from './words';
import type { FlagReason } from './types';

export interface Reason {
  source: string;
  rule: string | null;
  message: string | null;
  guideline: string | null;
  evidence: string[];
  scores: { label: string; value: number }[];
  /** Flags by reason, when members flagged it. */
  flags: { count: number; reasons: { label: string; count: number }[] } | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const isFlagReason = (value: string): value is FlagReason => value in flagReasonLabels;

function readScores(value: unknown): Reason['scores'] {
  if (!isRecord(value)) return [];
  const names: Record<string, string> = { spam: 'Spam', hate: 'Hate', offensive: 'Offensive' };
  return Object.entries(value)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([key, score]) => ({ label: names[key] ?? key, value: score }));
}

function readFlags(value: Record<string, unknown>): Reason['flags'] {
  if (value.source !== 'flags') return null;
  const reasons = isRecord(value.reasons) ? value.reasons : {};
  return {
    count: typeof value.flags === 'number' ? value.flags : 0,
    reasons: Object.entries(reasons)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([key, count]) => ({ label: isFlagReason(key) ? flagReasonLabels[key].label : key, count })),
  };
}

export function readReason(value: unknown): Reason {
  const record = isRecord(value) ? value : {};
  return {
    source: text(record.source) ?? 'unknown',
    rule: text(record.rule),
    message: text(record.message),
    guideline: text(record.guideline),
    evidence: Array.isArray(record.evidence) ? record.evidence.filter((item): item is string => typeof item === 'string') : [],
    scores: readScores(record.scores),
    flags: readFlags(record),
  };
}

/** Where the reason came from, in words. */
export function describeSource(reason: Reason): string {
  switch (reason.source) {
    case 'automod':
      return reason.rule ? `Automod rule “${reason.rule}”` : 'An automod rule';
    case 'classifier':
      return 'The spam filter';
    case 'first_post':
      return 'First-post review for new members';
    case 'flags':
      return reason.flags && reason.flags.count > 0 ? `Flagged by members (${reason.flags.count})` : 'Flagged by members';
    default:
      return reason.rule ? `Rule “${reason.rule}”` : 'Moderation';
  }
}
