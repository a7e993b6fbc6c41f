// Pure decisions for scheduled publishing: what a scheduled item needs, and how failures read.
import { AppError } from '../../../platform/errors';
import type { ScheduledKind } from '../../../platform/db/schema-articles';

/** What is stored for later: the fields of a topic, an article or an announcement. */
export interface SchedulePayload {
  title: string;
  body: string;
  spaceId?: number;
  tags?: string[];
  audience?: 'everyone' | 'members';
  endsAt?: string | null;
}

export function isPast(publishAt: Date, now: Date): boolean {
  return publishAt.getTime() <= now.getTime();
}

/** The payload's fields that do not fit its kind, as { field, message }; null when it fits. */
export function payloadProblem(kind: ScheduledKind, payload: SchedulePayload, publishAt: Date): { field: string; message: string } | null {
  if (kind === 'announcement') {
    if (payload.spaceId !== undefined) return { field: 'spaceId', message: 'An announcement is not posted in a space' };
    if (payload.tags !== undefined && payload.tags.length > 0) return { field: 'tags', message: 'An announcement has no tags' };
    if (payload.endsAt != null && new Date(payload.endsAt).getTime() <= publishAt.getTime()) return { field: 'endsAt', message: 'endsAt must be after publishAt' };
    if (payload.title.trim() === '') return { field: 'title', message: 'title must not be blank' };
    if (payload.body.trim() === '') return { field: 'body', message: 'body must not be blank' };
    if (payload.body.length > 20_000) return { field: 'body', message: 'An announcement has at most 20000 characters' };
    return null;
  }
  if (payload.spaceId === undefined) return { field: 'spaceId', message: `A ${kind} needs a spaceId` };
  if (payload.audience !== undefined || payload.endsAt !== undefined) return { field: payload.audience !== undefined ? 'audience' : 'endsAt', message: `Only announcements have ${payload.audience !== undefined ? 'an audience' : 'an end'}` };
  if (payload.title.trim().length < 3) return { field: 'title', message: 'title needs at least 3 characters besides spaces' };
  if (payload.body.trim().length < 1) return { field: 'body', message: 'body must not be blank' };
  return null;
}

/** The payload as stored: a JSON object read back from the database. */
export function readPayload(value: unknown): SchedulePayload {
  const raw = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  return {
    title: typeof raw.title === 'string' ? raw.title : '',
    body: typeof raw.body === 'string' ? raw.body : '',
    ...(typeof raw.spaceId === 'number' ? { spaceId: raw.spaceId } : {}),
    ...(Array.isArray(raw.tags) ? { tags: raw.tags.map(String) } : {}),
    ...(raw.audience === 'everyone' || raw.audience === 'members' ? { audience: raw.audience } : {}),
    ...(typeof raw.endsAt === 'string' || raw.endsAt === null ? { endsAt: raw.endsAt } : {}),
  };
}

/** What staff read when publishing failed: our own errors say why; anything else stays generic (it is logged). */
export function failureText(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`.slice(0, 500);
  return 'internal_error: publishing failed unexpectedly (see the server log)';
}
