// Shapes and small factories for the events and AMA tests.
import assert from 'node:assert/strict';
import type { Client } from './client';

export interface EventCounts {
  going: number;
  maybe: number;
  waitlisted: number;
}

export interface EventView {
  id: number;
  spaceId: number;
  topicId: number | null;
  creator: { id: number; username: string | null };
  title: string;
  description: string;
  descriptionHtml: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  onlineUrl: string | null;
  location: string | null;
  capacity: number | null;
  ama: boolean;
  cancelledAt: string | null;
  counts: EventCounts;
  rsvp: string | null;
  waitlistPosition: number | null;
  canEdit: boolean;
  url: string;
}

export interface RsvpView {
  eventId: number;
  status: 'going' | 'maybe' | 'not_going' | 'waitlisted';
  waitlistPosition: number | null;
  counts: EventCounts;
}

export interface QuestionView {
  id: number;
  eventId: number;
  author: { id: number; username: string | null };
  body: string;
  html: string;
  votes: number;
  voted: boolean;
  answeredAt: string | null;
  answerPostId: number | null;
  answerUrl: string | null;
}

export interface NoticeItem {
  type: string;
  title: string;
  notice: { text: string; url: string | null } | null;
}

const HOUR = 3_600_000;
export const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * HOUR).toISOString();

/** An event two days ahead, two hours long, unless `extra` says otherwise. */
export async function createEvent(client: Client, spaceId: number, extra: Record<string, unknown> = {}): Promise<EventView> {
  const reply = await client.post<EventView>('/api/events', {
    spaceId,
    title: 'Community call',
    description: 'We talk about the roadmap.',
    startsAt: hoursFromNow(48),
    endsAt: hoursFromNow(50),
    timezone: 'Europe/Paris',
    onlineUrl: 'https://meet.example.com/call',
    ...extra,
  });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

export async function rsvp(client: Client, eventId: number, status: string): Promise<RsvpView> {
  const reply = await client.put<RsvpView>(`/api/events/${eventId}/rsvp`, { status });
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

export async function noticesOf(client: Client): Promise<NoticeItem[]> {
  const reply = await client.get<{ items: NoticeItem[] }>('/api/notifications?limit=50');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items.filter((n) => n.type === 'notice');
}
