import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';

export const announcementLimits = { titleMax: 200, bodyMax: 20_000, listMax: 200 } as const;

export const Audience = Type.Union([Type.Literal('everyone'), Type.Literal('members')], { description: 'everyone (guests too) or signed-in members only' });

const fields = {
  title: Type.String({ minLength: 1, maxLength: announcementLimits.titleMax }),
  body: Type.String({ minLength: 1, maxLength: announcementLimits.bodyMax, description: 'Markdown' }),
  startsAt: Timestamp,
  endsAt: Type.Union([Timestamp, Type.Null()], { description: 'null: until deleted or ended' }),
  audience: Audience,
};

export const AnnouncementBody = Type.Object(
  { title: fields.title, body: fields.body, startsAt: Type.Optional(fields.startsAt), endsAt: Type.Optional(fields.endsAt), audience: Type.Optional(fields.audience) },
  { additionalProperties: false },
);
export type AnnouncementBody = Static<typeof AnnouncementBody>;

export const AnnouncementPatch = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type AnnouncementPatch = Static<typeof AnnouncementPatch>;

const State = Type.Union([Type.Literal('scheduled'), Type.Literal('active'), Type.Literal('ended')]);

export const AnnouncementView = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    body: Type.String(),
    html: Type.String({ description: 'The body rendered and sanitized' }),
    audience: Audience,
    startsAt: Timestamp,
    endsAt: NullableTimestamp,
    state: State,
    createdBy: Type.Union([Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    dismissals: Type.Integer({ description: 'Members who dismissed it' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Announcement' },
);
export type AnnouncementView = Static<typeof AnnouncementView>;

export const AnnouncementList = Type.Object({ items: Type.Array(AnnouncementView) });
export type AnnouncementList = Static<typeof AnnouncementList>;

export const ActiveAnnouncement = Type.Object(
  { id: Type.Integer(), title: Type.String(), html: Type.String(), audience: Audience, startsAt: Timestamp, endsAt: NullableTimestamp },
  { $id: 'ActiveAnnouncement' },
);
export type ActiveAnnouncement = Static<typeof ActiveAnnouncement>;

export const ActiveAnnouncements = Type.Object({ items: Type.Array(ActiveAnnouncement) });
export type ActiveAnnouncements = Static<typeof ActiveAnnouncements>;
