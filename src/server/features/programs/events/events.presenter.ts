// Event rows → API shapes and calendar entries.
import type { RsvpStatus } from '../../../platform/db/schema-events';
import type { EventView, QuestionView } from './events.schema';
import type { EventRow, RsvpCounts } from './events.store';
import type { CalendarEvent } from './ics.rules';
import type { QuestionRow } from './questions.store';

export const eventPath = (id: number): string => `/events/${id}`;

export interface EventViewer {
  rsvp: { status: RsvpStatus; position: number | null } | undefined;
  canEdit: boolean;
}

export function presentEvent(row: EventRow, counts: RsvpCounts | undefined, viewer: EventViewer): EventView {
  return {
    id: row.id,
    spaceId: row.space_id,
    topicId: row.topic_id,
    creator: { id: row.creator_id, username: row.creator_username, displayName: row.creator_display_name },
    title: row.title,
    description: row.description,
    descriptionHtml: row.description_html,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timezone: row.timezone,
    onlineUrl: row.online_url,
    location: row.location,
    capacity: row.capacity,
    ama: row.ama,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    counts: counts ?? { going: 0, maybe: 0, waitlisted: 0 },
    rsvp: viewer.rsvp?.status ?? null,
    waitlistPosition: viewer.rsvp?.position ?? null,
    canEdit: viewer.canEdit,
    url: eventPath(row.id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The calendar entry: absolute links, the place (or the online link when there is none). */
export function calendarEntry(row: EventRow, publicUrl: string): CalendarEvent {
  const page = `${publicUrl}${eventPath(row.id)}`;
  const details = [row.description.trim(), row.online_url ? `Join online: ${row.online_url}` : '', `Event page: ${page}`].filter((s) => s !== '');
  return {
    uid: `event-${row.id}@${new URL(publicUrl).host}`,
    stamp: row.updated_at,
    created: row.created_at,
    start: row.starts_at,
    end: row.ends_at,
    summary: row.title,
    description: details.join('\n\n'),
    location: row.location ?? row.online_url,
    url: page,
    cancelled: row.cancelled_at !== null,
    sequence: row.sequence,
  };
}

export function presentQuestion(row: QuestionRow, voted: boolean, topic: { id: number; slug: string } | null): QuestionView {
  const answerUrl = row.answer_post_number !== null && topic ? `/t/${encodeURIComponent(topic.slug || 'topic')}/${topic.id}#post-${row.answer_post_number}` : null;
  return {
    id: row.id,
    eventId: row.event_id,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    body: row.body,
    html: row.html,
    votes: row.vote_count,
    voted,
    answeredAt: row.answered_at?.toISOString() ?? null,
    answerPostId: row.answer_post_id,
    answerUrl,
    createdAt: row.created_at.toISOString(),
  };
}
