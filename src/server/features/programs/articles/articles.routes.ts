// HTTP for knowledge-base articles.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { ArticleList, ArticleSortQuery, ArticleView, FeedbackBody, FeedbackPage, FeedbackQuery } from './articles.schema';
import type { ArticlesService } from './articles.service';

export function registerArticleRoutes(app: FastifyInstance, articles: ArticlesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['articles'];
  const notArticle = 'A topic outside a knowledge base (space of kind "articles"): 409 not_article.';

  r.get(
    '/api/articles/:id',
    {
      schema: {
        tags,
        summary: 'An article: its table of contents, last review and helpful answers',
        description: `id is the topic id. ${notArticle} Posts written before headings got ids show no contents until edited.`,
        params: IdParam,
        response: { 200: ArticleView, ...errorResponses(404, 409) },
      },
    },
    async (request) => articles.get(request.principal, request.params.id),
  );

  r.post(
    '/api/articles/:id/review',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Mark an article reviewed now (staff; audited)', description: notArticle, params: IdParam, response: { 200: ArticleView, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => articles.review(request.principal, request.params.id, request.ip),
  );

  r.put(
    '/api/articles/:id/feedback',
    {
      config: { auth: 'member', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Answer "was this helpful?" (one answer per member, changeable)',
        description: `The comment is for the staff only. ${notArticle}`,
        params: IdParam,
        body: FeedbackBody,
        response: { 200: ArticleView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => articles.feedback(request.principal, request.params.id, request.body),
  );

  r.get(
    '/api/articles/:id/feedback',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'The answers and comments on an article, newest first (staff)', params: IdParam, querystring: FeedbackQuery, response: { 200: FeedbackPage, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => articles.feedbackList(request.principal, request.params.id, request.query),
  );

  r.get(
    '/api/spaces/:id/articles',
    {
      schema: {
        tags,
        summary: 'A knowledge base\'s articles with last review, helpful share and "needs review"',
        description: 'A space that is not a knowledge base: 409 not_article. At most 1000 articles.',
        params: IdParam,
        querystring: ArticleSortQuery,
        response: { 200: ArticleList, ...errorResponses(404, 409) },
      },
    },
    async (request) => articles.list(request.principal, request.params.id, request.query),
  );
}
