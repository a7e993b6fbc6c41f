// SQL for RSVPs: one answer per member and event, the FIFO waitlist, who hears about changes.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { RsvpStatus } from '../../../platform/db/schema-events';

export async function findRsvp(db: Queryable, eventId: number, memberId: number) {
  return db.selectFrom('event_rsvps').select(['status', 'waitlist_seq']).where('event_id', '=', eventId).where('member_id', '=', memberId).executeTakeFirst();
}

/** Writes the member's answer; joining the waitlist takes the next number in line, leaving it clears it. */
export async function writeRsvp(db: Queryable, eventId: number, memberId: number, status: RsvpStatus, at: Date): Promise<void> {
  const seq = status === 'waitlisted' ? sql<number>`nextval('event_waitlist_seq')` : null;
  await db
    .insertInto('event_rsvps')
    .values({ event_id: eventId, member_id: memberId, status, waitlist_seq: seq, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['event_id', 'member_id']).doUpdateSet({
        status,
        // Someone already waiting keeps their place.
        waitlist_seq: status === 'waitlisted' ? sql<number>`coalesce(event_rsvps.waitlist_seq, nextval('event_waitlist_seq'))` : null,
        updated_at: at,
      }),
    )
    .execute();
}

export async function countGoing(db: Queryable, eventId: number): Promise<number> {
  const row = await db.selectFrom('event_rsvps').select(sql<number | string>`count(*)`.as('n')).where('event_id', '=', eventId).where('status', '=', 'going').executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countWaiting(db: Queryable, eventId: number): Promise<number> {
  const row = await db.selectFrom('event_rsvps').select(sql<number | string>`count(*)`.as('n')).where('event_id', '=', eventId).where('status', '=', 'waitlisted').executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Moves the first `count` members in line to going; their ids, in line order. */
export async function promoteFirst(db: Queryable, eventId: number, count: number, at: Date): Promise<number[]> {
  if (count <= 0) return [];
  const first = await db
    .selectFrom('event_rsvps')
    .select('member_id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_seq')
    .limit(count)
    .execute();
  const ids = first.map((r) => r.member_id);
  if (ids.length === 0) return [];
  await db.updateTable('event_rsvps').set({ status: 'going', waitlist_seq: null, updated_at: at }).where('event_id', '=', eventId).where('member_id', 'in', ids).execute();
  return ids;
}

/** 1 for the first in line; null when the member is not waiting. */
export async function waitlistPosition(db: Queryable, eventId: number, memberId: number): Promise<number | null> {
  const row = await db
    .selectFrom('event_rsvps as mine')
    .where('mine.event_id', '=', eventId)
    .where('mine.member_id', '=', memberId)
    .where('mine.status', '=', 'waitlisted')
    .select((eb) =>
      eb
        .selectFrom('event_rsvps as r')
        .select(sql<number | string>`count(*)`.as('n'))
        .where('r.event_id', '=', eventId)
        .where('r.status', '=', 'waitlisted')
        .whereRef('r.waitlist_seq', '<=', 'mine.waitlist_seq')
        .as('position'),
    )
    .executeTakeFirst();
  return row ? Number(row.position) : null;
}

/** The viewer's answers to these events, with their place in line. */
export async function viewerRsvps(db: Queryable, memberId: number, eventIds: readonly number[]): Promise<Map<number, { status: RsvpStatus; position: number | null }>> {
  const result = new Map<number, { status: RsvpStatus; position: number | null }>();
  if (eventIds.length === 0) return result;
  const rows = await db.selectFrom('event_rsvps').select(['event_id', 'status']).where('member_id', '=', memberId).where('event_id', 'in', [...eventIds]).execute();
  for (const row of rows) {
    result.set(row.event_id, { status: row.status, position: row.status === 'waitlisted' ? await waitlistPosition(db, row.event_id, memberId) : null });
  }
  return result;
}

/** The members with one of these answers (reminders, changes, cancellations). */
export async function membersWith(db: Queryable, eventId: number, statuses: readonly RsvpStatus[]): Promise<number[]> {
  const rows = await db.selectFrom('event_rsvps').select('member_id').where('event_id', '=', eventId).where('status', 'in', [...statuses]).execute();
  return rows.map((r) => r.member_id);
}

/** Who answered what: going first, then maybe, the waitlist in line order, not going last. */
export async function listAttendees(db: Queryable, eventId: number, statuses: readonly RsvpStatus[]) {
  return db
    .selectFrom('event_rsvps as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .leftJoin('accounts as a', 'a.member_id', 'r.member_id')
    .select(['r.member_id', 'r.status', 'r.waitlist_seq', 'r.updated_at', 'a.username', 'm.display_name'])
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', [...statuses])
    .where('m.deleted_at', 'is', null)
    .orderBy(sql`case r.status when 'going' then 0 when 'maybe' then 1 when 'waitlisted' then 2 else 3 end`)
    .orderBy('r.waitlist_seq')
    .orderBy('r.updated_at')
    .limit(1000)
    .execute();
}
