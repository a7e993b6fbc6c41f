// Events as plain decisions: checking times, time zones, links and places; where an RSVP lands
// (going or the waitlist); who is promoted when seats open; which reminders are due.
import type { RsvpStatus } from '../../../platform/db/schema-events';

export type Problem = { field: string; message: string; code?: 'ends_before_start' };

/** The canonical IANA name, or null when the runtime does not know it (offsets like +01:00 are refused). */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A date from an ISO 8601 string, or null. */
export function parseTime(value: string): Date | null {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The event may not end before (or when) it starts. */
export function timeProblem(startsAt: Date, endsAt: Date): Problem | null {
  if (endsAt.getTime() <= startsAt.getTime()) return { field: 'endsAt', message: 'The event ends before it starts', code: 'ends_before_start' };
  return null;
}

/** An http(s) link without credentials, normalized; a problem otherwise. */
export function checkOnlineUrl(value: string | null | undefined): { url: string | null } | Problem {
  const text = value?.trim() ?? '';
  if (text === '') return { url: null };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { field: 'onlineUrl', message: 'The online link is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { field: 'onlineUrl', message: 'The online link must be an http:// or https:// URL' };
  if (url.username || url.password) return { field: 'onlineUrl', message: 'The online link may not carry a user name or password' };
  return { url: url.href };
}

/** A place as plain text on one line: control characters become spaces. */
export function cleanLocation(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export interface Seats {
  capacity: number | null;
  going: number;
}

/**
 * Where a member's choice lands. Going past capacity waits in line ('waitlisted'); a member already
 * going or waiting keeps their place when they ask for going again.
 */
export function rsvpOutcome(current: RsvpStatus | null, wanted: 'going' | 'maybe' | 'not_going', seats: Seats): RsvpStatus {
  if (wanted !== 'going') return wanted;
  if (current === 'going' || current === 'waitlisted') return current;
  if (seats.capacity !== null && seats.going >= seats.capacity) return 'waitlisted';
  return 'going';
}

/** How many waiting members the open seats let in. */
export function seatsToFill(seats: Seats, waiting: number): number {
  if (seats.capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, seats.capacity - seats.going));
}

export type ReminderWindow = '24h' | '1h';
export const reminderWindows: readonly { window: ReminderWindow; ms: number; label: string }[] = [
  // The 1-hour window is claimed first: an event that is already that close gets only the 1-hour reminder.
  { window: '1h', ms: 60 * 60 * 1000, label: 'in about an hour' },
  { window: '24h', ms: 24 * 60 * 60 * 1000, label: 'within a day' },
];

/** Whether the reminder of that window is due at `now` (the start lies ahead, within the window). */
export function reminderDue(startsAt: Date, now: Date, windowMs: number): boolean {
  const ahead = startsAt.getTime() - now.getTime();
  return ahead > 0 && ahead <= windowMs;
}

/** "Sat, 12 Jul 2025, 18:00 (Europe/Paris)": the start shown in the event's own zone, for notices. */
export function formatInZone(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  return `${text} (${timeZone})`;
}

/** What a request may set on an event (create: all required ones present; patch: any). */
export interface EventInput {
  title?: string;
  description?: string;
  startsAt?: string;
  endsAt?: string;
  timezone?: string;
  onlineUrl?: string | null;
  location?: string | null;
  capacity?: number | null;
  ama?: boolean;
}

export interface EventFields {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  onlineUrl: string | null;
  location: string | null;
  capacity: number | null;
  ama: boolean;
}

const TITLE_MIN = 3;

/** The event's fields after the input is applied over `current` (null when creating), checked. */
export function checkEventFields(input: EventInput, current: EventFields | null): EventFields | Problem {
  const title = input.title !== undefined ? input.title.trim() : (current?.title ?? '');
  if (title.length < TITLE_MIN) return { field: 'title', message: `title needs at least ${TITLE_MIN} characters besides spaces` };
  const startsAt = input.startsAt !== undefined ? parseTime(input.startsAt) : (current?.startsAt ?? null);
  if (!startsAt) return { field: 'startsAt', message: 'startsAt is not a valid date and time' };
  const endsAt = input.endsAt !== undefined ? parseTime(input.endsAt) : (current?.endsAt ?? null);
  if (!endsAt) return { field: 'endsAt', message: 'endsAt is not a valid date and time' };
  const order = timeProblem(startsAt, endsAt);
  if (order) return order;
  const timezone = input.timezone !== undefined ? canonicalTimeZone(input.timezone) : (current?.timezone ?? null);
  if (!timezone) return { field: 'timezone', message: 'timezone must be an IANA time zone name, such as Europe/Paris or America/New_York' };
  let onlineUrl = current?.onlineUrl ?? null;
  if (input.onlineUrl !== undefined) {
    const checked = checkOnlineUrl(input.onlineUrl);
    if ('field' in checked) return checked;
    onlineUrl = checked.url;
  }
  const location = input.location !== undefined ? cleanLocation(input.location) : (current?.location ?? null);
  if (onlineUrl === null && location === null) return { field: 'location', message: 'Give a place (location) or an online link (onlineUrl)' };
  return {
    title,
    description: input.description !== undefined ? input.description : (current?.description ?? ''),
    startsAt,
    endsAt,
    timezone,
    onlineUrl,
    location,
    capacity: input.capacity !== undefined ? input.capacity : (current?.capacity ?? null),
    ama: input.ama ?? current?.ama ?? false,
  };
}

/** The first post of the event's topic: when, where, the event page, then the description. */
export function eventTopicBody(eventId: number, fields: EventFields): string {
  const lines = [`**When:** ${formatInZone(fields.startsAt, fields.timezone)} – ${formatInZone(fields.endsAt, fields.timezone)}`];
  if (fields.location) lines.push(`**Where:** ${escapeMarkdown(fields.location)}`);
  if (fields.onlineUrl) lines.push(`**Online:** <${fields.onlineUrl}>`);
  lines.push(`**RSVP and details:** [event page](/events/${eventId})${fields.ama ? ' · AMA: ask and upvote questions there; answers are posted here.' : ''}`);
  const description = fields.description.trim();
  return `${lines.join('  \n')}${description ? `\n\n${description}` : ''}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/** The notice a member gets when a seat opens for them. */
export function promotedNotice(memberId: number, eventId: number, title: string, at: Date) {
  return { memberId, title: 'You have a seat', text: `A seat opened up: you are now going to "${title}".`, url: `/events/${eventId}`, type: 'notice' as const, at };
}

/** Whether the event's topic is there for everyone: not still being created, held by moderation or deleted. */
export const hasLiveTopic = (row: { topic_id: number | null; topic_deleted_at: Date | null }): boolean => row.topic_id !== null && row.topic_deleted_at === null;
