// SQL for events: the rows, listings by space and time, counts, and claiming reminders.
import { sql, type Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { EventsTable } from '../../../platform/db/schema-events';
import type { EventFields } from './events.rules';

function events(db: Queryable) {
  return db
    .selectFrom('events as e')
    .innerJoin('members as m', 'm.id', 'e.creator_id')
    .leftJoin('accounts as a', 'a.member_id', 'e.creator_id')
    .leftJoin('topics as t', 't.id', 'e.topic_id')
    .selectAll('e')
    .select(['a.username as creator_username', 'm.display_name as creator_display_name', 't.deleted_at as topic_deleted_at']);
}

/** The event and its creator's names; `lock` holds the event row (RSVPs to one event queue up). */
export async function findEvent(db: Queryable, id: number, lock = false) {
  const query = events(db).where('e.id', '=', id);
  return (lock ? query.forUpdate('e') : query).executeTakeFirst();
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function findEventByTopic(db: Queryable, topicId: number) {
  return events(db).where('e.topic_id', '=', topicId).executeTakeFirst();
}

export interface NewEvent extends EventFields {
  spaceId: number;
  topicId: number | null;
  creatorId: number;
  descriptionHtml: string;
  at: Date;
}

export async function insertEvent(db: Queryable, e: NewEvent): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({
      space_id: e.spaceId,
      topic_id: e.topicId,
      creator_id: e.creatorId,
      title: e.title,
      description: e.description,
      description_html: e.descriptionHtml,
      starts_at: e.startsAt,
      ends_at: e.endsAt,
      timezone: e.timezone,
      online_url: e.onlineUrl,
      location: e.location,
      capacity: e.capacity,
      ama: e.ama,
      created_at: e.at,
      updated_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the changes and bumps the calendar sequence. */
export async function updateEvent(db: Queryable, id: number, changes: Updateable<EventsTable>, at: Date): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...changes, updated_at: at, sequence: sql<number>`sequence + 1` })
    .where('id', '=', id)
    .execute();
}

/** Upcoming (not ended, soonest first) or past (ended, latest first), keyset-paged on (starts_at, id); one more than `limit`. */
export async function listSpaceEvents(db: Queryable, spaceId: number, page: { when: 'upcoming' | 'past'; now: Date; limit: number; after: { at: Date; id: number } | undefined; withHidden: boolean }) {
  let query = events(db).where('e.space_id', '=', spaceId).limit(page.limit + 1);
  if (!page.withHidden) query = query.where('e.topic_id', 'is not', null).where('t.deleted_at', 'is', null);
  if (page.when === 'upcoming') {
    query = query.where('e.ends_at', '>=', page.now).orderBy('e.starts_at', 'asc').orderBy('e.id', 'asc');
    if (page.after) {
      const { at, id } = page.after;
      query = query.where((eb) => eb.or([eb('e.starts_at', '>', at), eb.and([eb('e.starts_at', '=', at), eb('e.id', '>', id)])]));
    }
  } else {
    query = query.where('e.ends_at', '<', page.now).orderBy('e.starts_at', 'desc').orderBy('e.id', 'desc');
    if (page.after) {
      const { at, id } = page.after;
      query = query.where((eb) => eb.or([eb('e.starts_at', '<', at), eb.and([eb('e.starts_at', '=', at), eb('e.id', '<', id)])]));
    }
  }
  return query.execute();
}

/** A space's events for its calendar feed: the last 90 days and everything ahead, at most 500. */
export async function calendarEvents(db: Queryable, spaceId: number, since: Date) {
  return events(db).where('e.space_id', '=', spaceId).where('e.ends_at', '>=', since).where('e.topic_id', 'is not', null).where('t.deleted_at', 'is', null).orderBy('e.starts_at', 'asc').orderBy('e.id', 'asc').limit(500).execute();
}

export interface RsvpCounts {
  going: number;
  maybe: number;
  waitlisted: number;
}

export async function rsvpCounts(db: Queryable, eventIds: readonly number[]): Promise<Map<number, RsvpCounts>> {
  const counts = new Map<number, RsvpCounts>(eventIds.map((id) => [id, { going: 0, maybe: 0, waitlisted: 0 }]));
  if (eventIds.length === 0) return counts;
  const rows = await db
    .selectFrom('event_rsvps')
    .select(['event_id', 'status', sql<number | string>`count(*)`.as('n')])
    .where('event_id', 'in', [...eventIds])
    .where('status', '!=', 'not_going')
    .groupBy(['event_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.event_id);
    if (entry && row.status !== 'not_going') entry[row.status] = Number(row.n);
  }
  return counts;
}

/** Claims the reminder of one window for every live event due in it; the claimed events. */
export async function claimReminders(db: Queryable, window: '24h' | '1h', now: Date, until: Date) {
  const column = window === '24h' ? 'reminded_24h_at' : 'reminded_1h_at';
  const set = window === '1h' ? { reminded_1h_at: now, reminded_24h_at: sql<Date>`coalesce(reminded_24h_at, ${now})` } : { reminded_24h_at: now };
  return db
    .updateTable('events')
    .set(set)
    .where(column, 'is', null)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', now)
    .where('starts_at', '<=', until)
    .returning(['id', 'space_id', 'topic_id', 'title', 'starts_at', 'timezone'])
    .execute();
}

export async function setEventTopic(db: Queryable, id: number, topicId: number): Promise<void> {
  await db.updateTable('events').set({ topic_id: topicId }).where('id', '=', id).execute();
}

/** Only for an event whose topic could not be created. */
export async function deleteEvent(db: Queryable, id: number): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}
