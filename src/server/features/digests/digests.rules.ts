// Pure decisions for email digests and notification emails: who is due, what window a digest covers,
// what goes in it, and the signed unsubscribe token. "now" is always passed in, so tests never sleep.
import type { DigestFrequency } from '../../platform/db/schema';
import { signValue, verifySignedValue } from '../../platform/safety/signing';

export const DIGEST_FREQUENCIES = ['never', 'daily', 'weekly'] as const satisfies readonly DigestFrequency[];
export const DEFAULT_FREQUENCY: DigestFrequency = 'weekly';
export const DEFAULT_NOTIFY_WHEN_AWAY = true;

const HOUR_MS = 3_600_000;
const periodMs: Record<Exclude<DigestFrequency, 'never'>, number> = { daily: 24 * HOUR_MS, weekly: 7 * 24 * HOUR_MS };

/** Job queues: the hourly run, and one delayed notification email. */
export const DIGEST_QUEUE = 'digests.send';
export const AWAY_EMAIL_QUEUE = 'digests.notifyAway';

export const digestLimits = {
  /** Members looked at per query while sending. */
  batchSize: 100,
  notificationsMax: 20,
  topicsMax: 5,
  excerptMax: 160,
} as const;

/** Notification emails wait this long, so a member who reads it in the app meanwhile gets no email. */
export const AWAY_EMAIL_DELAY_SECONDS = 10 * 60;
/** Not seen for this long (when the email is due) counts as away for notification emails. */
export const AWAY_EMAIL_MINUTES = 10;
/** The notification kinds worth an email of their own; the rest wait for the digest. */
export const AWAY_EMAIL_TYPES: readonly string[] = ['mention', 'reply', 'message'];

export function periodOf(frequency: Exclude<DigestFrequency, 'never'>): number {
  return periodMs[frequency];
}

/** The last time a digest of this frequency may have been sent for another to be due now. */
export function dueCutoff(frequency: Exclude<DigestFrequency, 'never'>, now: Date): Date {
  return new Date(now.getTime() - periodOf(frequency));
}

/** Members not seen since this time are away. */
export function awayCutoff(awayHours: number, now: Date): Date {
  return new Date(now.getTime() - awayHours * HOUR_MS);
}

export interface DigestCandidate {
  frequency: DigestFrequency;
  lastDigestAt: Date | null;
  /** When the member was last seen, or joined when never seen. */
  lastPresentAt: Date;
}

/** Digests on, a period since the last one, and away (not seen for the away threshold). */
export function isDigestDue(member: DigestCandidate, now: Date, awayHours: number): boolean {
  if (member.frequency === 'never') return false;
  if (member.lastDigestAt !== null && member.lastDigestAt > dueCutoff(member.frequency, now)) return false;
  return member.lastPresentAt <= awayCutoff(awayHours, now);
}

/** A digest covers what happened since the last one, or one period back for the first. */
export function digestWindowStart(frequency: Exclude<DigestFrequency, 'never'>, lastDigestAt: Date | null, now: Date): Date {
  return lastDigestAt ?? dueCutoff(frequency, now);
}

/** Nothing new, no email. */
export function hasDigestContent(content: { notifications: readonly unknown[]; topics: readonly unknown[] }): boolean {
  return content.notifications.length > 0 || content.topics.length > 0;
}

/** A notification email goes out when the member wants them, is away, and has not read it meanwhile. */
export function isAwayEmailDue(n: { type: string; readAt: Date | null; notifyWhenAway: boolean; lastSeenAt: Date | null }, now: Date): boolean {
  if (!n.notifyWhenAway || n.readAt !== null || !AWAY_EMAIL_TYPES.includes(n.type)) return false;
  return n.lastSeenAt === null || n.lastSeenAt.getTime() <= now.getTime() - AWAY_EMAIL_MINUTES * 60_000;
}

/** The delayed email job: a notification, and for a private message the message that queued it. */
export interface AwayEmailJob {
  notificationId: number;
  messageId?: number;
}

/**
 * Later messages fold into the unread notification about a conversation, each queueing its own email:
 * a job whose message is no longer the latest one sends nothing, so a burst of messages makes one email.
 */
export function isFoldedSince(queuedMessageId: number | undefined, latestMessageId: number | null): boolean {
  return queuedMessageId !== undefined && queuedMessageId !== latestMessageId;
}

/** What an unsubscribe link stops: the digest, or notification emails. */
export type UnsubscribePurpose = 'digest' | 'notifications';
export const UNSUBSCRIBE_PURPOSES = ['digest', 'notifications'] as const satisfies readonly UnsubscribePurpose[];

const TOKEN_USE = 'email-unsubscribe';

/** `<member id>-<purpose>.<HMAC>`: needs no storage, never expires, cannot be forged or repurposed. */
export function unsubscribeToken(secret: string, memberId: number, purpose: UnsubscribePurpose): string {
  return signValue(secret, TOKEN_USE, `${memberId}-${purpose}`);
}

export function readUnsubscribeToken(secret: string, token: string): { memberId: number; purpose: UnsubscribePurpose } | undefined {
  const value = verifySignedValue(secret, TOKEN_USE, token);
  const match = value === undefined ? null : /^([1-9]\d{0,15})-(digest|notifications)$/.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  const memberId = Number(match[1]);
  const purpose = UNSUBSCRIBE_PURPOSES.find((p) => p === match[2]);
  return Number.isSafeInteger(memberId) && purpose ? { memberId, purpose } : undefined;
}

/** A short plain-text excerpt of sanitized post HTML. */
export function excerptOf(html: string, max: number = digestLimits.excerptMax): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_whole, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
