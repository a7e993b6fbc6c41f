// HTTP for events: create, read, change, cancel, list by space, RSVP, attendees, calendars.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import type { CalendarService } from './calendar.service';
import { AttendeeList, CalendarText, CreateEventBody, EventListQuery, EventPage, EventView, PatchEventBody, RsvpBody, RsvpView } from './events.schema';
import type { EventsService } from './events.service';
import type { RsvpService } from './rsvp.service';

const CALENDAR = 'text/calendar; charset=utf-8';
const tags = ['events'];

export function registerEventRoutes(app: FastifyInstance, events: EventsService, rsvps: RsvpService, calendar: CalendarService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/events',
    {
      config: { auth: 'member', rateLimit: { max: 30, timeWindow: 3_600_000 } },
      schema: {
        tags,
        summary: 'Create an event (and its discussion topic) in an events space',
        description:
          'Staff, and members who may start topics in the space. The topic passes the post gate like any other. ' +
          'ends_before_start (400) when endsAt is not after startsAt; timezone must be an IANA name; onlineUrl http(s); a location or an onlineUrl is required.',
        body: CreateEventBody,
        response: { 201: EventView, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await events.create(request.principal, request.body)),
  );

  r.get(
    '/api/events/:id',
    { schema: { tags, summary: 'An event with its RSVP counts and the viewer\'s answer and place in line', params: IdParam, response: { 200: EventView, ...errorResponses(404) } } },
    async (request) => events.get(request.principal, request.params.id),
  );

  r.patch(
    '/api/events/:id',
    {
      config: { auth: 'member' },
      schema: {
        tags,
        summary: 'Change an event (host or staff)',
        description: 'A new start time re-arms the reminders; a new time or place is told to everyone going, maybe going or waiting. More seats promote the waitlist. Staff changes to others\' events are audited.',
        params: IdParam,
        body: PatchEventBody,
        response: { 200: EventView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => events.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/events/:id',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Cancel an event (host or staff); attendees are told', description: 'The event stays readable with cancelledAt set.', params: IdParam, response: { 200: EventView, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => events.cancel(request.principal, request.params.id, request.ip),
  );

  r.get(
    '/api/spaces/:id/events',
    { schema: { tags, summary: 'A space\'s events: upcoming (soonest first) or past (latest first)', params: IdParam, querystring: EventListQuery, response: { 200: EventPage, ...errorResponses(404) } } },
    async (request) => events.list(request.principal, request.params.id, request.query),
  );

  r.get(
    '/api/topics/:id/event',
    { schema: { tags, summary: 'The event whose discussion this topic is', params: IdParam, response: { 200: EventView, ...errorResponses(404) } } },
    async (request) => events.forTopic(request.principal, request.params.id),
  );

  r.put(
    '/api/events/:id/rsvp',
    {
      config: { auth: 'member', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Answer going, maybe or not going',
        description: 'Going past capacity is not an error: 200 with status "waitlisted" and waitlistPosition. Leaving a seat promotes the first in line, who is notified. 409 event_cancelled or event_ended.',
        params: IdParam,
        body: RsvpBody,
        response: { 200: RsvpView, ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => rsvps.rsvp(request.principal, request.params.id, request.body),
  );

  r.get(
    '/api/events/:id/attendees',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Who answered: going and maybe; the host and staff see the waitlist and not going too', params: IdParam, response: { 200: AttendeeList, ...errorResponses(401, 404) } },
    },
    async (request) => events.attendees(request.principal, request.params.id),
  );

  r.get(
    '/api/events/:id.ics',
    { schema: { tags, summary: 'The event as an iCalendar file', produces: ['text/calendar'], params: IdParam, response: { 200: CalendarText, ...errorResponses(404) } } },
    async (request, reply) => {
      const { text, filename } = await calendar.eventIcs(request.principal, request.params.id);
      return reply.type(CALENDAR).header('content-disposition', `attachment; filename="${filename}"`).send(text);
    },
  );

  r.get(
    '/api/spaces/:id/events.ics',
    {
      schema: { tags, summary: 'iCal feed of a space\'s events', description: 'The last 90 days and everything ahead. A space the viewer cannot see (any private one, for a calendar app) answers 404.', produces: ['text/calendar'], params: IdParam, response: { 200: CalendarText, ...errorResponses(404) } },
    },
    async (request, reply) => reply.type(CALENDAR).send(await calendar.spaceFeed(request.principal, request.params.id)),
  );
}
