import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';
import { discussionLimits } from '../../discussions';
import { Audience } from '../announcements/announcements.schema';

/** claimBatch: items one run publishes at most (the job runs every minute), so a run ends well within its expiry. */
export const scheduleLimits = { listMax: 200, claimBatch: 50 } as const;

const Kind = Type.Union([Type.Literal('topic'), Type.Literal('article'), Type.Literal('announcement')], { description: 'article: a topic in a knowledge base' });
const Status = Type.Union([Type.Literal('pending'), Type.Literal('publishing'), Type.Literal('published'), Type.Literal('failed'), Type.Literal('cancelled')]);
const Tag = Type.String({ minLength: 1, maxLength: discussionLimits.tagMax, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' });

const fields = {
  publishAt: Timestamp,
  title: Type.String({ minLength: 1, maxLength: discussionLimits.titleMax }),
  body: Type.String({ minLength: 1, maxLength: discussionLimits.bodyMax, description: 'Markdown' }),
  spaceId: Type.Integer({ minimum: 1, description: 'topic and article: the space to publish in' }),
  tags: Type.Array(Tag, { maxItems: discussionLimits.tagsMax, description: 'topic and article' }),
  audience: Audience,
  endsAt: Type.Union([Timestamp, Type.Null()], { description: 'announcement: when it stops showing' }),
};

export const ScheduleBody = Type.Object(
  {
    kind: Kind,
    publishAt: fields.publishAt,
    title: fields.title,
    body: fields.body,
    spaceId: Type.Optional(fields.spaceId),
    tags: Type.Optional(fields.tags),
    audience: Type.Optional(fields.audience),
    endsAt: Type.Optional(fields.endsAt),
  },
  { additionalProperties: false },
);
export type ScheduleBody = Static<typeof ScheduleBody>;

export const SchedulePatch = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type SchedulePatch = Static<typeof SchedulePatch>;

export const ScheduledView = Type.Object(
  {
    id: Type.Integer(),
    kind: Kind,
    status: Status,
    publishAt: Timestamp,
    author: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) }),
    title: Type.String(),
    body: Type.String(),
    spaceId: Type.Union([Type.Integer(), Type.Null()]),
    tags: Type.Array(Type.String()),
    audience: Type.Union([Audience, Type.Null()]),
    endsAt: NullableTimestamp,
    error: Type.Union([Type.String(), Type.Null()], { description: 'Why publishing failed (or a note, e.g. held for review)' }),
    topicId: Type.Union([Type.Integer(), Type.Null()], { description: 'The topic it became' }),
    announcementId: Type.Union([Type.Integer(), Type.Null()], { description: 'The announcement it became' }),
    publishedAt: NullableTimestamp,
    createdAt: Timestamp,
  },
  { $id: 'ScheduledItem' },
);
export type ScheduledView = Static<typeof ScheduledView>;

export const ScheduledQuery = Type.Object({ status: Type.Optional(Status) }, { additionalProperties: false });
export type ScheduledQuery = Static<typeof ScheduledQuery>;

export const ScheduledList = Type.Object({ items: Type.Array(ScheduledView) });
export type ScheduledList = Static<typeof ScheduledList>;

export const RunReport = Type.Object({ published: Type.Integer(), failed: Type.Integer() });
export type RunReport = Static<typeof RunReport>;
