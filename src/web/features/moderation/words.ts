// The moderation vocabulary in words people read: kinds, statuses, sanctions, flag reasons, durations.
import type { AppealStatus, FlagReason, ReviewKind, ReviewStatus, SanctionKind } from './types';

export const kindLabels: Record<ReviewKind, string> = {
  held_post: 'Held post',
  first_post: 'First post',
  flagged_post: 'Flagged post',
  flagged_member: 'Flagged member',
  signup: 'Sign-up',
};

export const statusLabels: Record<ReviewStatus, string> = {
  pending: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Removed',
  dismissed: 'Dismissed',
};

export const sanctionLabels: Record<SanctionKind, string> = {
  warning: 'Warning',
  silence: 'Silence (can read, cannot post)',
  suspension: 'Suspension (cannot sign in)',
  ban: 'Ban (suspension that also blocks email and IP)',
};

export const sanctionKinds = Object.keys(sanctionLabels) as SanctionKind[];

export const appealStatusLabels: Record<AppealStatus, string> = {
  pending: 'Waiting for a moderator',
  upheld: 'Upheld: the decision stands',
  overturned: 'Overturned: the decision was undone',
  reduced: 'Reduced: the sanction was shortened',
};

export const flagReasonLabels: Record<FlagReason, { label: string; hint: string }> = {
  spam: { label: 'Spam', hint: 'Advertising, scams or links that do not belong here' },
  harassment: { label: 'Harassment', hint: 'Attacks, threats or insults aimed at someone' },
  off_topic: { label: 'Off topic', hint: 'Does not belong in this topic or space' },
  inappropriate: { label: 'Inappropriate', hint: 'Breaks the community guidelines in another way' },
  other: { label: 'Something else', hint: 'Tell the moderators what is wrong' },
};

export const flagReasons = Object.keys(flagReasonLabels) as FlagReason[];

/** "24 hours", "3 days", "1 week". */
export function describeHours(hours: number): string {
  if (hours % 168 === 0) return hours === 168 ? '1 week' : `${hours / 168} weeks`;
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** A score between 0 and 1 as a percentage. */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export const durationOptions = [
  { value: '', label: 'Next step of the ladder' },
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '1 week' },
  { value: '720', label: '30 days' },
  { value: '8760', label: '1 year' },
];
