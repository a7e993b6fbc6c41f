import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Page, PageQuery, Timestamp } from '../../../platform/http/schemas';

export const articleLimits = { commentMax: 1000, listMax: 1000 } as const;

const MemberRef = Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]) });
const Helpful = Type.Object({ yes: Type.Integer({ minimum: 0 }), no: Type.Integer({ minimum: 0 }) });

export const TocEntry = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 6 }),
  text: Type.String(),
  anchor: Type.String({ description: 'The heading\'s id in the rendered article (link to #anchor)' }),
});

export const MyFeedback = Type.Object({ helpful: Type.Boolean(), comment: Type.Union([Type.String(), Type.Null()]), updatedAt: Timestamp });

export const ArticleView = Type.Object(
  {
    topicId: Type.Integer(),
    spaceId: Type.Integer(),
    title: Type.String(),
    toc: Type.Array(TocEntry, { description: 'The article\'s headings in order (articles written before headings got ids have none until edited)' }),
    lastReviewedAt: NullableTimestamp,
    reviewedBy: Type.Union([MemberRef, Type.Null()]),
    needsReview: Type.Boolean({ description: 'Never reviewed, or last reviewed more than articleReviewDays ago' }),
    helpful: Helpful,
    helpfulShare: Type.Union([Type.Number(), Type.Null()], { description: 'yes / (yes + no), null without answers' }),
    myFeedback: Type.Union([MyFeedback, Type.Null()], { description: 'The viewer\'s answer; null for guests and members who did not answer' }),
  },
  { $id: 'Article' },
);
export type ArticleView = Static<typeof ArticleView>;

export const FeedbackBody = Type.Object(
  {
    helpful: Type.Boolean(),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: articleLimits.commentMax }), Type.Null()], { description: 'For the staff; blank or null: none' })),
  },
  { additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBody>;

export const FeedbackItem = Type.Object({ member: MemberRef, helpful: Type.Boolean(), comment: Type.Union([Type.String(), Type.Null()]), updatedAt: Timestamp });
export const FeedbackQuery = Type.Composite([PageQuery, Type.Object({ withComment: Type.Optional(Type.Boolean({ description: 'Only answers with a comment' })) })], { additionalProperties: false });
export type FeedbackQuery = Static<typeof FeedbackQuery>;
export const FeedbackPage = Type.Composite([Page(FeedbackItem), Type.Object({ helpful: Helpful })]);
export type FeedbackPage = Static<typeof FeedbackPage>;

export const ArticleSortQuery = Type.Object(
  { sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('reviewed'), Type.Literal('helpful')], { default: 'title', description: 'title A→Z; reviewed: longest unreviewed first; helpful: highest share first' })) },
  { additionalProperties: false },
);
export type ArticleSortQuery = Static<typeof ArticleSortQuery>;

export const ArticleSummary = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    slug: Type.String(),
    tags: Type.Array(Type.String()),
    author: MemberRef,
    createdAt: Timestamp,
    lastPostedAt: Timestamp,
    lastReviewedAt: NullableTimestamp,
    helpful: Helpful,
    helpfulShare: Type.Union([Type.Number(), Type.Null()]),
    needsReview: Type.Boolean(),
  },
  { $id: 'ArticleSummary' },
);
export type ArticleSummary = Static<typeof ArticleSummary>;

export const ArticleList = Type.Object({ items: Type.Array(ArticleSummary), reviewDays: Type.Integer() });
export type ArticleList = Static<typeof ArticleList>;
