// Pure decisions for ideas boards: statuses, what a status change needs, and the trending score.
import type { IdeaStatus } from '../../../platform/db/schema-ideas';

export const IDEA_STATUSES: readonly IdeaStatus[] = ['open', 'under_review', 'planned', 'in_progress', 'done', 'declined', 'duplicate'];

/** The roadmap's columns, left to right. */
export const ROADMAP_STATUSES: readonly IdeaStatus[] = ['under_review', 'planned', 'in_progress', 'done'];

export const STATUS_LABELS: Record<IdeaStatus, string> = {
  open: 'Open',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
  duplicate: 'Duplicate',
};

export const ideaLimits = { commentMax: 2000 } as const;

/**
 * Trending: each vote of the last `windowDays` days counts 0.5^(age / halfLifeHours), so a vote cast
 * now weighs 1, one cast three days ago 0.5, and votes older than the window nothing. The store
 * computes the same sum in SQL from these constants.
 */
export const trending = { windowDays: 14, halfLifeHours: 72 } as const;

const HOUR = 3_600_000;

export function trendingWeight(ageMs: number): number {
  if (ageMs >= trending.windowDays * 24 * HOUR) return 0;
  const hours = Math.max(0, ageMs) / HOUR;
  return 0.5 ** (hours / trending.halfLifeHours);
}

/** The trending score of an idea from the times of its votes. */
export function trendingScore(votedAt: readonly Date[], now: Date): number {
  return votedAt.reduce((sum, at) => sum + trendingWeight(now.getTime() - at.getTime()), 0);
}

/** Rounded the same way for the API and the tests. */
export const roundScore = (score: number): number => Math.round(score * 1000) / 1000;

export type StatusDecision =
  | { kind: 'change' }
  | { kind: 'comment_only' }
  | { kind: 'unchanged' }
  | { kind: 'problem'; field: 'status' | 'comment'; message: string };

/** Whether staff may give an idea `next` with `comment` (already trimmed), and what that changes. */
export function decideStatus(current: { status: IdeaStatus; comment: string }, next: IdeaStatus, comment: string): StatusDecision {
  if (next === 'duplicate') return { kind: 'problem', field: 'status', message: 'Merge the idea into the one it duplicates instead' };
  if (next === 'declined' && comment.length === 0) return { kind: 'problem', field: 'comment', message: 'Say why the idea is declined' };
  if (next !== current.status) return { kind: 'change' };
  return comment === current.comment ? { kind: 'unchanged' } : { kind: 'comment_only' };
}

/** The notice's title and text for a voter or the author when an idea's status changes. */
export function statusNotice(title: string, status: IdeaStatus, comment: string): { title: string; text: string } {
  const label = STATUS_LABELS[status];
  return { title: `Idea "${title}" is now ${label}`, text: comment.length > 0 ? comment : `The idea's status changed to ${label}.` };
}

export function mergeNotice(title: string, intoTitle: string): { title: string; text: string } {
  return { title: `Idea "${title}" was merged`, text: `It duplicates "${intoTitle}"; its votes count there now.` };
}

/** Who hears about an idea: its voters and author, once each, never the staff member who acted. */
export function noticeRecipients(voterIds: readonly number[], authorId: number, actorId: number): number[] {
  return [...new Set([...voterIds, authorId])].filter((id) => id !== actorId);
}
