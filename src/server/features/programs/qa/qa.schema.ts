// Q&A payloads: accepting an answer, votes, a question's Q&A facts, the question list and its statistics.
import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, PageQuery, Timestamp } from '../../../platform/http/schemas';

export const AcceptBody = Type.Object(
  { postId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'A reply in this topic (not the question, post 1)' }) },
  { additionalProperties: false },
);
export type AcceptBody = Static<typeof AcceptBody>;

const MemberRef = Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String() });

export const AcceptedAnswer = Type.Object({
  postId: Type.Integer(),
  postNumber: Type.Integer(),
  author: MemberRef,
  html: Type.String({ description: 'Sanitized HTML of the answer' }),
  createdAt: Timestamp,
  acceptedAt: Timestamp,
  votes: Type.Integer(),
});

export const TopicQaView = Type.Object(
  {
    topicId: Type.Integer(),
    askerId: Type.Integer(),
    acceptedAnswer: Type.Union([AcceptedAnswer, Type.Null()], { description: 'null when no answer is accepted (or the accepted one was deleted)' }),
    votes: Type.Array(Type.Object({ postId: Type.Integer(), count: Type.Integer() }), { description: 'Up-votes per answer that has any' }),
    myVotes: Type.Array(Type.Integer(), { description: 'Posts the viewer voted up' }),
    canAccept: Type.Boolean({ description: 'The asker, staff and the space\'s moderators may accept an answer' }),
    canVote: Type.Boolean({ description: 'Signed in and allowed to reply in the space (never on one\'s own answers)' }),
    firstAnswerAt: NullableTimestamp,
  },
  { $id: 'TopicQa' },
);
export type TopicQaView = Static<typeof TopicQaView>;

export const VoteView = Type.Object({ postId: Type.Integer(), count: Type.Integer(), voted: Type.Boolean() });
export type VoteView = Static<typeof VoteView>;

export const QuestionFilter = Type.Union([Type.Literal('all'), Type.Literal('unanswered'), Type.Literal('answered')], {
  description: 'answered: has an accepted answer; unanswered: no live reply at all',
  default: 'all',
});
export type QuestionFilter = Static<typeof QuestionFilter>;

export const QuestionQuery = Type.Composite([PageQuery, Type.Object({ filter: Type.Optional(QuestionFilter) })], { additionalProperties: false });
export type QuestionQuery = Static<typeof QuestionQuery>;

export const QuestionItem = Type.Object({
  id: Type.Integer(),
  spaceId: Type.Integer(),
  title: Type.String(),
  slug: Type.String(),
  tags: Type.Array(Type.String()),
  author: MemberRef,
  answerCount: Type.Integer({ description: 'Live replies' }),
  voteCount: Type.Integer({ description: 'Up-votes on all of its answers' }),
  answered: Type.Boolean({ description: 'Has an accepted answer' }),
  acceptedPostId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Timestamp,
  lastPostedAt: Timestamp,
});

export const QuestionPage = Type.Object({ items: Type.Array(QuestionItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { $id: 'QuestionPage' });
export type QuestionPage = Static<typeof QuestionPage>;

export const QaStatsQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 30, description: 'Questions asked in the last this many days' })) },
  { additionalProperties: false },
);
export type QaStatsQuery = Static<typeof QaStatsQuery>;

export const QaStatsView = Type.Object(
  {
    spaceId: Type.Integer(),
    since: Timestamp,
    questions: Type.Integer(),
    withAnswer: Type.Integer({ description: 'Questions that got an answer from someone other than the asker' }),
    answered: Type.Integer({ description: 'Questions with an accepted answer' }),
    answeredShare: Type.Number({ description: 'answered / questions (0 with no questions)' }),
    medianHoursToFirstAnswer: Type.Union([Type.Number(), Type.Null()]),
    medianHoursToAccepted: Type.Union([Type.Number(), Type.Null()]),
  },
  { $id: 'QaStats' },
);
export type QaStatsView = Static<typeof QaStatsView>;
