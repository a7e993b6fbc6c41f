import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { NullableTimestamp, PageQuery, Timestamp } from '../../../platform/http/schemas';

export const eventLimits = {
  titleMin: 3,
  titleMax: 200,
  descriptionMax: 20_000,
  timezoneMax: 64,
  urlMax: 500,
  locationMax: 300,
  capacityMax: 100_000,
  questionMin: 3,
  questionMax: 2_000,
  answerMax: 20_000,
} as const;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const eventFields = {
  title: Type.String({ minLength: 1, maxLength: eventLimits.titleMax }),
  description: Type.String({ maxLength: eventLimits.descriptionMax, description: 'Markdown' }),
  startsAt: Type.String({ format: 'date-time', description: 'ISO 8601 with an offset or Z' }),
  endsAt: Type.String({ format: 'date-time', description: 'After startsAt, or 400 ends_before_start' }),
  timezone: Type.String({ minLength: 1, maxLength: eventLimits.timezoneMax, description: 'An IANA time zone name, e.g. Europe/Paris: the one the event is shown in' }),
  onlineUrl: Nullable(Type.String({ maxLength: eventLimits.urlMax, description: 'An http(s) link to join online' })),
  location: Nullable(Type.String({ maxLength: eventLimits.locationMax, description: 'Where it takes place' })),
  capacity: Nullable(Type.Integer({ minimum: 1, maximum: eventLimits.capacityMax, description: 'Seats for members going; null: unlimited' })),
  ama: Type.Boolean({ description: 'AMA mode: members ask and upvote questions, the host answers them in the topic' }),
};

export const CreateEventBody = Type.Object(
  {
    spaceId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    title: eventFields.title,
    description: Type.Optional(eventFields.description),
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt,
    timezone: eventFields.timezone,
    onlineUrl: Type.Optional(eventFields.onlineUrl),
    location: Type.Optional(eventFields.location),
    capacity: Type.Optional(eventFields.capacity),
    ama: Type.Optional(eventFields.ama),
  },
  { additionalProperties: false },
);
export type CreateEventBody = Static<typeof CreateEventBody>;

export const PatchEventBody = Type.Object(
  {
    title: Type.Optional(eventFields.title),
    description: Type.Optional(eventFields.description),
    startsAt: Type.Optional(eventFields.startsAt),
    endsAt: Type.Optional(eventFields.endsAt),
    timezone: Type.Optional(eventFields.timezone),
    onlineUrl: Type.Optional(eventFields.onlineUrl),
    location: Type.Optional(eventFields.location),
    capacity: Type.Optional(eventFields.capacity),
    ama: Type.Optional(eventFields.ama),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchEventBody = Static<typeof PatchEventBody>;

const RsvpChoice = Type.Union([Type.Literal('going'), Type.Literal('maybe'), Type.Literal('not_going')]);
const RsvpStatus = Type.Union([Type.Literal('going'), Type.Literal('maybe'), Type.Literal('not_going'), Type.Literal('waitlisted')], {
  description: 'waitlisted: asked to go when every seat was taken; promoted to going, first come first served, when a seat opens',
});

export const RsvpBody = Type.Object({ status: RsvpChoice }, { additionalProperties: false });
export type RsvpBody = Static<typeof RsvpBody>;

const Counts = Type.Object({ going: Type.Integer(), maybe: Type.Integer(), waitlisted: Type.Integer() });
const MemberRef = Type.Object({ id: Type.Integer(), username: Nullable(Type.String()), displayName: Type.String() });

export const RsvpView = Type.Object(
  {
    eventId: Type.Integer(),
    status: RsvpStatus,
    waitlistPosition: Nullable(Type.Integer({ minimum: 1, description: '1 for the first in line; null unless waitlisted' })),
    counts: Counts,
  },
  { $id: 'EventRsvp' },
);
export type RsvpView = Static<typeof RsvpView>;

export const EventView = Type.Object(
  {
    id: Type.Integer(),
    spaceId: Type.Integer(),
    topicId: Nullable(Type.Integer()),
    creator: MemberRef,
    title: Type.String(),
    description: Type.String(),
    descriptionHtml: Type.String({ description: 'Sanitized HTML of the description' }),
    startsAt: Timestamp,
    endsAt: Timestamp,
    timezone: Type.String(),
    onlineUrl: Nullable(Type.String()),
    location: Nullable(Type.String()),
    capacity: Nullable(Type.Integer()),
    ama: Type.Boolean(),
    cancelledAt: NullableTimestamp,
    counts: Counts,
    rsvp: Nullable(RsvpStatus),
    waitlistPosition: Nullable(Type.Integer()),
    canEdit: Type.Boolean({ description: 'The viewer is the host (creator) or staff' }),
    url: Type.String({ description: 'The event page' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Event' },
);
export type EventView = Static<typeof EventView>;

export const EventListQuery = Type.Composite(
  [PageQuery, Type.Object({ when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past')], { default: 'upcoming', description: 'upcoming (not ended yet, soonest first) or past (ended, latest first)' })) })],
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuery>;

export const EventPage = Type.Object({ items: Type.Array(EventView), nextCursor: Nullable(Type.String()) }, { $id: 'EventPage' });
export type EventPage = Static<typeof EventPage>;

export const AttendeeList = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        member: MemberRef,
        status: RsvpStatus,
        waitlistPosition: Nullable(Type.Integer()),
        respondedAt: Timestamp,
      }),
    ),
    complete: Type.Boolean({ description: 'true for the host and staff (every answer, waitlist and not going too); others see going and maybe' }),
  },
  { $id: 'EventAttendees' },
);
export type AttendeeList = Static<typeof AttendeeList>;

export const QuestionBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: eventLimits.questionMax, description: 'Markdown' }) }, { additionalProperties: false });
export type QuestionBody = Static<typeof QuestionBody>;
export const AnswerBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: eventLimits.answerMax, description: 'Markdown; posted in the event topic below a quote of the question' }) }, { additionalProperties: false });
export type AnswerBody = Static<typeof AnswerBody>;

export const QuestionView = Type.Object(
  {
    id: Type.Integer(),
    eventId: Type.Integer(),
    author: MemberRef,
    body: Type.String(),
    html: Type.String(),
    votes: Type.Integer(),
    voted: Type.Boolean({ description: 'The viewer upvoted it' }),
    answeredAt: NullableTimestamp,
    answerPostId: Nullable(Type.Integer()),
    answerUrl: Nullable(Type.String({ description: 'The answer in the event topic' })),
    createdAt: Timestamp,
  },
  { $id: 'EventQuestion' },
);
export type QuestionView = Static<typeof QuestionView>;

export const QuestionListQuery = Type.Object(
  { sort: Type.Optional(Type.Union([Type.Literal('votes'), Type.Literal('new')], { default: 'votes', description: 'votes: most upvoted first; new: newest first' })) },
  { additionalProperties: false },
);
export type QuestionListQuery = Static<typeof QuestionListQuery>;
export const QuestionList = Type.Object({ items: Type.Array(QuestionView) }, { $id: 'EventQuestions' });
export type QuestionList = Static<typeof QuestionList>;

export const QuestionParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), qid: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const CalendarText = Type.String({ description: 'An iCalendar (RFC 5545) document (text/calendar)' });
