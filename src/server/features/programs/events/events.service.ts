// Events: created in an events space together with their discussion topic, read by whoever may see the
// space, changed or cancelled by their host (the creator) or staff, who tell the attendees.
// Who may create: staff, and members who may start topics in the space (access.canPost).
import type { Updateable } from 'kysely';
import type { AppContext } from '../../../context';
import type { EventsTable, RsvpStatus } from '../../../platform/db/schema-events';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, type Actor, type Principal } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import { renderMarkdown } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import type { ProgramDeps } from '../index';
import { checkEventFields, eventTopicBody, formatInZone, hasLiveTopic, promotedNotice, seatsToFill, type EventFields, type EventInput } from './events.rules';
import { presentEvent } from './events.presenter';
import type { AttendeeList, CreateEventBody, EventListQuery, EventPage, EventView, PatchEventBody } from './events.schema';
import { deleteEvent, findEvent, findEventByTopic, insertEvent, listSpaceEvents, rsvpCounts, setEventTopic, updateEvent, type EventRow } from './events.store';
import { countGoing, countWaiting, listAttendees, membersWith, promoteFirst, viewerRsvps } from './rsvp.store';

export type EventDeps = Pick<ProgramDeps, 'discussions' | 'notices'>;
type Notice = Parameters<ModerationNotices['send']>[0][number];

/** The host (creator) or staff. */
export const isHost = (actor: Actor, row: Pick<EventRow, 'creator_id'>): boolean => actor !== null && (actor.memberId === row.creator_id || hasRole(actor, 'moderator'));

export function createEventsService(ctx: AppContext, deps: EventDeps) {
  const db = ctx.database.db;

  /** After the commit: the notices that reach members who still see the event (spaces.membersWhoSee). */
  async function tell(row: Pick<EventRow, 'space_id' | 'topic_id' | 'topic_deleted_at'>, notices: readonly Notice[]): Promise<number> {
    if (notices.length === 0 || !hasLiveTopic(row)) return 0;
    const seeing = await deps.discussions.spaces.membersWhoSee([row.space_id], notices.map((n) => n.memberId));
    const sent = notices.filter((n) => seeing.has(n.memberId));
    await deps.notices.send(sent);
    return sent.length;
  }

  /** The event and the viewer's rights in its space; 404 when missing or in a space the viewer cannot see. */
  async function visibleEvent(actor: Actor, id: number) {
    const row = await findEvent(db, id);
    if (!row) throw notFound('Event not found');
    const { access, space } = await deps.discussions.spaces.visible(actor, row.space_id);
    // An event whose topic moderation holds (or deleted) is seen by its host and staff only.
    if (!hasLiveTopic(row) && !isHost(actor, row)) throw notFound('Event not found');
    return { row, access, space };
  }

  async function present(actor: Actor, rows: readonly EventRow[]): Promise<EventView[]> {
    const ids = rows.map((r) => r.id);
    const [counts, mine] = await Promise.all([rsvpCounts(db, ids), actor ? viewerRsvps(db, actor.memberId, ids) : Promise.resolve(new Map<number, { status: RsvpStatus; position: number | null }>())]);
    return rows.map((row) => presentEvent(row, counts.get(row.id), { rsvp: mine.get(row.id), canEdit: isHost(actor, row) }));
  }

  async function presentOne(actor: Actor, id: number): Promise<EventView> {
    const row = await findEvent(db, id);
    if (!row) throw notFound('Event not found');
    const [view] = await present(actor, [row]);
    if (!view) throw notFound('Event not found');
    return view;
  }

  function requireHost(actor: Principal, row: EventRow, what: string): void {
    if (!isHost(actor, row)) throw forbidden(`Only the host or staff can ${what} this event`);
    if (row.cancelled_at !== null) throw new AppError('event_cancelled', 'This event was cancelled');
  }

  /** Audited when staff change someone else's event. */
  const audited = (actor: Principal, row: EventRow): boolean => hasRole(actor, 'moderator') && actor.memberId !== row.creator_id;

  return {
    visibleEvent,
    presentOne,
    tell,

    async create(actor: Actor, body: CreateEventBody): Promise<EventView> {
      const member = requireMember(actor);
      const fields = checked(body, null);
      const { space, access } = await deps.discussions.spaces.visible(actor, body.spaceId);
      if (space.kind !== 'events') throw invalid('spaceId', 'Events live in spaces of kind "events"');
      if (!access.canPost) throw forbidden('You cannot start topics in this space, so you cannot create events in it');
      const at = new Date();
      const id = await insertEvent(db, { ...fields, spaceId: body.spaceId, topicId: null, creatorId: member.memberId, descriptionHtml: renderMarkdown(fields.description), at });
      // The topic goes through the post gate like any other; if it is refused, so is the event.
      let topicId: number;
      try {
        const topic = await deps.discussions.topics.create(actor, { spaceId: body.spaceId, title: fields.title, body: eventTopicBody(id, fields) });
        topicId = 'status' in topic ? topic.topicId : topic.id;
      } catch (error) {
        await deleteEvent(db, id);
        throw error;
      }
      await ctx.database.tx(async (trx) => {
        await setEventTopic(trx, id, topicId);
        await recordActivity(trx, { memberId: member.memberId, kind: 'event.created', occurredAt: at, spaceId: body.spaceId, topicId, props: { eventId: id } });
      });
      return presentOne(actor, id);
    },

    async get(actor: Actor, id: number): Promise<EventView> {
      const { row } = await visibleEvent(actor, id);
      const [view] = await present(actor, [row]);
      if (!view) throw notFound('Event not found');
      return view;
    },

    async forTopic(actor: Actor, topicId: number): Promise<EventView> {
      const row = await findEventByTopic(db, topicId);
      if (!row) throw notFound('No event for this topic');
      return this.get(actor, row.id);
    },

    async list(actor: Actor, spaceId: number, query: EventListQuery): Promise<EventPage> {
      await deps.discussions.spaces.visible(actor, spaceId);
      const limit = query.limit ?? 20;
      const rows = await listSpaceEvents(db, spaceId, { when: query.when ?? 'upcoming', now: new Date(), limit, after: decodeTimeCursor(query.cursor), withHidden: hasRole(actor, 'moderator') });
      const page = pageOf(rows, limit, (r) => [r.starts_at.toISOString(), r.id]);
      return { items: await present(actor, page.items), nextCursor: page.nextCursor };
    },

    async update(actor: Actor, id: number, patch: PatchEventBody, ip: string | null): Promise<EventView> {
      const member = requireMember(actor);
      const { row } = await visibleEvent(actor, id);
      requireHost(member, row, 'change');
      const fields = checked(patch, fieldsOf(row));
      const timeChanged = fields.startsAt.getTime() !== row.starts_at.getTime() || fields.endsAt.getTime() !== row.ends_at.getTime();
      const placeChanged = fields.location !== row.location || fields.onlineUrl !== row.online_url;
      const changes: Updateable<EventsTable> = { ...columnsOf(fields), ...(fields.description !== row.description ? { description_html: renderMarkdown(fields.description) } : {}) };
      // A new start time means new reminders.
      if (fields.startsAt.getTime() !== row.starts_at.getTime()) Object.assign(changes, { reminded_24h_at: null, reminded_1h_at: null });
      const at = new Date();
      const written = await ctx.database.tx(async (trx) => {
        const locked = await findEvent(trx, id, true);
        if (!locked || locked.cancelled_at !== null) throw new AppError('event_cancelled', 'This event was cancelled');
        await updateEvent(trx, id, changes, at);
        const going = await countGoing(trx, id);
        const promoted = await promoteFirst(trx, id, seatsToFill({ capacity: fields.capacity, going }, await countWaiting(trx, id)), at);
        const notices = promoted.map((memberId) => promotedNotice(memberId, id, fields.title, at));
        if (timeChanged || placeChanged) {
          const told = (await membersWith(trx, id, ['going', 'maybe', 'waitlisted'])).filter((m) => m !== member.memberId && !promoted.includes(m));
          const where = fields.location ?? (fields.onlineUrl ? 'online' : 'to be announced');
          const text = `"${fields.title}" now starts ${formatInZone(fields.startsAt, fields.timezone)}, ${where}.`;
          notices.push(...told.map((memberId) => ({ memberId, title: 'An event you answered changed', text, url: `/events/${id}`, type: 'notice' as const, at })));
        }
        if (audited(member, row)) {
          await insertAudit(trx, { actorId: member.memberId, action: 'event.update', targetType: 'event', targetId: id, before: { startsAt: row.starts_at, endsAt: row.ends_at, capacity: row.capacity, title: row.title }, after: patch, ip });
        }
        return notices;
      });
      await tell(row, written);
      return presentOne(actor, id);
    },

    /** Cancels the event (it stays readable, marked cancelled) and tells everyone who answered yes, maybe or waits. */
    async cancel(actor: Actor, id: number, ip: string | null): Promise<EventView> {
      const member = requireMember(actor);
      const { row } = await visibleEvent(actor, id);
      requireHost(member, row, 'cancel');
      const at = new Date();
      const written = await ctx.database.tx(async (trx) => {
        const locked = await findEvent(trx, id, true);
        if (!locked || locked.cancelled_at !== null) throw new AppError('event_cancelled', 'This event was already cancelled');
        await updateEvent(trx, id, { cancelled_at: at }, at);
        if (audited(member, row)) await insertAudit(trx, { actorId: member.memberId, action: 'event.cancel', targetType: 'event', targetId: id, ip });
        const told = (await membersWith(trx, id, ['going', 'maybe', 'waitlisted'])).filter((m) => m !== member.memberId);
        const text = `"${row.title}" (${formatInZone(row.starts_at, row.timezone)}) was cancelled.`;
        return told.map((memberId): Notice => ({ memberId, title: 'An event was cancelled', text, url: `/events/${id}`, type: 'notice', at }));
      });
      await tell(row, written);
      return presentOne(actor, id);
    },

    /** Going and maybe for everyone who may see the event; the host and staff also see the waitlist and who is not going. */
    async attendees(actor: Actor, id: number): Promise<AttendeeList> {
      requireMember(actor);
      const { row } = await visibleEvent(actor, id);
      const complete = isHost(actor, row);
      const rows = await listAttendees(db, id, complete ? ['going', 'maybe', 'waitlisted', 'not_going'] : ['going', 'maybe']);
      let position = 0;
      return {
        complete,
        items: rows.map((r) => ({
          member: { id: r.member_id, username: r.username, displayName: r.display_name },
          status: r.status,
          waitlistPosition: r.status === 'waitlisted' ? ++position : null,
          respondedAt: r.updated_at.toISOString(),
        })),
      };
    },
  };
}

function columnsOf(fields: EventFields): Updateable<EventsTable> {
  return {
    title: fields.title,
    description: fields.description,
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    timezone: fields.timezone,
    online_url: fields.onlineUrl,
    location: fields.location,
    capacity: fields.capacity,
    ama: fields.ama,
  };
}

/** The checked fields, or the 400 that explains what is wrong. */
function checked(input: EventInput, current: EventFields | null): EventFields {
  const result = checkEventFields(input, current);
  if ('field' in result) throw result.code ? new AppError(result.code, result.message, { field: result.field }) : invalid(result.field, result.message);
  return result;
}

function fieldsOf(row: EventRow): EventFields {
  return {
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timezone: row.timezone,
    onlineUrl: row.online_url,
    location: row.location,
    capacity: row.capacity,
    ama: row.ama,
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
