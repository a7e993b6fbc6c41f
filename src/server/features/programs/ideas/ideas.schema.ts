import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';
import { IDEA_STATUSES, ideaLimits } from './ideas.rules';

export const IdeaStatus = Type.Union(
  IDEA_STATUSES.map((s) => Type.Literal(s)),
  { description: 'open, under_review, planned, in_progress, done, declined, or duplicate (set by a merge)' },
);

const Person = Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String() });
const TopicRef = Type.Object({ id: Type.Integer(), title: Type.String(), slug: Type.String() });

export const IdeaVoteView = Type.Object(
  {
    topicId: Type.Integer(),
    votes: Type.Integer({ description: 'Members who vote for the idea' }),
    voted: Type.Boolean({ description: 'Whether the viewer votes for it' }),
  },
  { $id: 'IdeaVote' },
);
export type IdeaVoteView = Static<typeof IdeaVoteView>;

export const IdeaStatusChangeView = Type.Object({
  status: IdeaStatus,
  previousStatus: IdeaStatus,
  comment: Type.String({ description: 'Markdown, public' }),
  commentHtml: Type.String({ description: 'The comment rendered and sanitized' }),
  actor: Type.Union([Person, Type.Null()]),
  at: Timestamp,
});

export const IdeaView = Type.Object(
  {
    topicId: Type.Integer(),
    spaceId: Type.Integer(),
    title: Type.String(),
    slug: Type.String(),
    author: Person,
    votes: Type.Integer(),
    voted: Type.Boolean({ description: 'Whether the viewer votes for it (false for guests)' }),
    status: IdeaStatus,
    statusComment: Type.String({ description: 'Staff\'s public comment on the current status (Markdown)' }),
    statusCommentHtml: Type.String(),
    statusChangedAt: NullableTimestamp,
    mergedInto: Type.Union([TopicRef, Type.Null()], { description: 'The idea this one duplicates (its votes moved there)' }),
    duplicates: Type.Array(TopicRef, { description: 'Ideas merged into this one' }),
    history: Type.Array(IdeaStatusChangeView, { description: 'Every status change, oldest first' }),
    canManage: Type.Boolean({ description: 'Whether the viewer may set the status and merge (staff)' }),
  },
  { title: 'Idea' },
);
export type IdeaView = Static<typeof IdeaView>;

export const IdeaSummaryView = Type.Object(
  {
    topicId: Type.Integer(),
    title: Type.String(),
    slug: Type.String(),
    author: Person,
    createdAt: Timestamp,
    replyCount: Type.Integer(),
    votes: Type.Integer(),
    voted: Type.Boolean(),
    status: IdeaStatus,
    trendingScore: Type.Number({ description: 'Recent votes, each weighing 0.5^(age in hours / 72), over the last 14 days' }),
    mergedIntoId: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'IdeaSummary' },
);
export type IdeaSummaryView = Static<typeof IdeaSummaryView>;

export type IdeaSort = 'votes' | 'trending' | 'new';

export const IdeaListQuery = Type.Object(
  {
    sort: Type.Optional(Type.Union([Type.Literal('votes'), Type.Literal('trending'), Type.Literal('new')], { default: 'votes', description: 'votes (most first), trending, or new' })),
    status: Type.Optional(IdeaStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type IdeaListQuery = Static<typeof IdeaListQuery>;

export const IdeaPage = Type.Object({ items: Type.Array(IdeaSummaryView), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { $id: 'IdeaPage' });
export type IdeaPage = Static<typeof IdeaPage>;

export const RoadmapQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Ideas per column' })) },
  { additionalProperties: false },
);
export type RoadmapQuery = Static<typeof RoadmapQuery>;

export const RoadmapView = Type.Object(
  {
    spaceId: Type.Integer(),
    columns: Type.Array(
      Type.Object({
        status: IdeaStatus,
        count: Type.Integer({ description: 'Ideas with this status' }),
        items: Type.Array(IdeaSummaryView, { description: 'The most voted first' }),
      }),
    ),
  },
  { $id: 'Roadmap' },
);
export type RoadmapView = Static<typeof RoadmapView>;

const Comment = Type.String({ maxLength: ideaLimits.commentMax, description: 'Public Markdown comment; required for declined' });

export const IdeaStatusBody = Type.Object({ status: IdeaStatus, comment: Type.Optional(Comment) }, { additionalProperties: false });
export type IdeaStatusBody = Static<typeof IdeaStatusBody>;

export const IdeaMergeBody = Type.Object(
  { intoTopicId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The idea this one duplicates' }), comment: Type.Optional(Comment) },
  { additionalProperties: false },
);
export type IdeaMergeBody = Static<typeof IdeaMergeBody>;

export const IdeaMergeView = Type.Object({ duplicate: IdeaView, into: IdeaView }, { $id: 'IdeaMerge' });
export type IdeaMergeView = Static<typeof IdeaMergeView>;
