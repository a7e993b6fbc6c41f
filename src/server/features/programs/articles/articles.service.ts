// Knowledge-base articles: topics in a space of kind 'articles', whose first post is the text. Readers
// get its table of contents, when staff last reviewed it and how helpful members found it; members
// answer "was this helpful?" once (changeable); staff mark it reviewed and read the comments.
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { SettingsService } from '../../settings';
import { helpfulShare, needsReview, sortArticles, tableOfContents } from './articles.rules';
import { articleLimits, type ArticleList, type ArticleSortQuery, type ArticleView, type FeedbackBody, type FeedbackPage, type FeedbackQuery } from './articles.schema';
import { findFeedback, findReview, firstPostHtml, helpfulCounts, listArticles, listFeedback, upsertFeedback, upsertReview } from './articles.store';

export interface ArticleDeps {
  settings: Pick<SettingsService, 'get'>;
  discussions: Pick<Discussions, 'spaces' | 'topics'>;
}

const notArticle = () => new AppError('not_article', 'This topic is not in a knowledge base');

export function createArticlesService(ctx: AppContext, deps: ArticleDeps) {
  const db = ctx.database.db;

  /** The topic when the viewer may see it (404 otherwise) and it is in an articles space (409 otherwise). */
  async function article(actor: Actor, topicId: number) {
    const { topic } = await deps.discussions.topics.visibleTopic(actor, topicId);
    if (topic.merged_into_id !== null) throw notFound('Topic not found');
    const { space } = await deps.discussions.spaces.visible(actor, topic.space_id);
    if (space.kind !== 'articles') throw notArticle();
    return topic;
  }

  async function view(actor: Actor, topicId: number): Promise<ArticleView> {
    const topic = await article(actor, topicId);
    const [html, review, helpful, mine, settings] = await Promise.all([
      firstPostHtml(db, topicId),
      findReview(db, topicId),
      helpfulCounts(db, topicId),
      actor ? findFeedback(db, topicId, actor.memberId) : Promise.resolve(undefined),
      deps.settings.get(),
    ]);
    const reviewedAt = review?.reviewed_at ?? null;
    return {
      topicId,
      spaceId: topic.space_id,
      title: topic.title,
      toc: html ? tableOfContents(html) : [],
      lastReviewedAt: reviewedAt?.toISOString() ?? null,
      reviewedBy: review?.reviewed_by != null ? { id: review.reviewed_by, username: review.username ?? null } : null,
      needsReview: needsReview(reviewedAt, new Date(), settings.articleReviewDays),
      helpful,
      helpfulShare: helpfulShare(helpful.yes, helpful.no),
      myFeedback: mine ? { helpful: mine.helpful, comment: mine.comment, updatedAt: mine.updated_at.toISOString() } : null,
    };
  }

  return {
    get: view,

    /** Staff: the article was checked and is up to date as of now. Audited. */
    async review(actor: Actor, topicId: number, ip: string | null): Promise<ArticleView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can mark articles reviewed');
      await article(actor, topicId);
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        const before = await upsertReview(trx, topicId, staff.memberId, at);
        await insertAudit(trx, { actorId: staff.memberId, action: 'article.review', targetType: 'topic', targetId: topicId, before: { reviewedAt: before?.toISOString() ?? null }, after: { reviewedAt: at.toISOString() }, ip });
      });
      return view(actor, topicId);
    },

    /** A member's "was this helpful?" answer, with an optional comment for the staff; answering again replaces it. */
    async feedback(actor: Actor, topicId: number, body: FeedbackBody): Promise<ArticleView> {
      const member = requireMember(actor);
      const topic = await article(actor, topicId);
      if (topic.deleted_at !== null) throw notFound('Topic not found');
      const comment = body.comment?.trim().slice(0, articleLimits.commentMax) || null;
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        const previous = await upsertFeedback(trx, { topicId, memberId: member.memberId, helpful: body.helpful, comment, at });
        if (!previous) await recordActivity(trx, { memberId: member.memberId, kind: 'article.feedback', occurredAt: at, spaceId: topic.space_id, topicId, props: { helpful: body.helpful } });
      });
      return view(actor, topicId);
    },

    /** Staff: the answers to one article, newest first, optionally only those with a comment. */
    async feedbackList(actor: Actor, topicId: number, query: FeedbackQuery): Promise<FeedbackPage> {
      requireRole(actor, 'moderator', 'Only staff can read article feedback');
      await article(actor, topicId);
      const limit = query.limit ?? 20;
      const rows = await listFeedback(db, topicId, { limit, withComment: query.withComment === true, before: decodeTimeCursor(query.cursor) });
      const page = pageOf(rows, limit, (r) => [r.updated_at.toISOString(), r.member_id]);
      return {
        items: page.items.map((r) => ({ member: { id: r.member_id, username: r.username ?? null }, helpful: r.helpful, comment: r.comment, updatedAt: r.updated_at.toISOString() })),
        nextCursor: page.nextCursor,
        helpful: await helpfulCounts(db, topicId),
      };
    },

    /** A knowledge base's articles with their last review, helpful share and whether they need a review. */
    async list(actor: Actor, spaceId: number, query: ArticleSortQuery): Promise<ArticleList> {
      const { space } = await deps.discussions.spaces.visible(actor, spaceId);
      if (space.kind !== 'articles') throw new AppError('not_article', 'This space is not a knowledge base');
      const { articleReviewDays } = await deps.settings.get();
      const rows = await listArticles(db, spaceId, { includeUnlisted: hasRole(actor, 'moderator'), limit: articleLimits.listMax });
      const now = new Date();
      const items = rows.map((r) => {
        const helpful = { yes: Number(r.yes), no: Number(r.no) };
        return {
          id: r.id,
          title: r.title,
          slug: r.slug,
          tags: r.tags,
          author: { id: r.author_id, username: r.username ?? null },
          createdAt: r.created_at.toISOString(),
          lastPostedAt: r.last_posted_at.toISOString(),
          lastReviewedAt: r.reviewed_at?.toISOString() ?? null,
          helpful,
          helpfulShare: helpfulShare(helpful.yes, helpful.no),
          needsReview: needsReview(r.reviewed_at, now, articleReviewDays),
        };
      });
      return { items: sortArticles(items, query.sort ?? 'title'), reviewDays: articleReviewDays };
    },
  };
}

export type ArticlesService = ReturnType<typeof createArticlesService>;
