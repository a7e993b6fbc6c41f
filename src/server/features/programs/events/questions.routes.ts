// HTTP for AMA questions: list, ask, upvote, take back, answer (host).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { AnswerBody, QuestionBody, QuestionList, QuestionListQuery, QuestionParams, QuestionView } from './events.schema';
import type { QuestionsService } from './questions.service';

const tags = ['events'];

export function registerQuestionRoutes(app: FastifyInstance, questions: QuestionsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/events/:id/questions',
    { schema: { tags, summary: 'An AMA\'s questions, most upvoted or newest first', description: '404 for an event that is not an AMA.', params: IdParam, querystring: QuestionListQuery, response: { 200: QuestionList, ...errorResponses(404) } } },
    async (request) => questions.list(request.principal, request.params.id, request.query),
  );

  r.post(
    '/api/events/:id/questions',
    {
      config: { auth: 'member', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Ask the AMA a question (Markdown), before or during the event',
        description: '409 event_cancelled or event_ended; 404 when the event is not an AMA.',
        params: IdParam,
        body: QuestionBody,
        response: { 201: QuestionView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await questions.ask(request.principal, request.params.id, request.body)),
  );

  r.post(
    '/api/events/:id/questions/:qid/vote',
    {
      config: { auth: 'member', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: { tags, summary: 'Upvote a question (once: 409 already_voted)', params: QuestionParams, response: { 200: QuestionView, ...errorResponses(401, 404, 409) } },
    },
    async (request) => questions.vote(request.principal, request.params.id, request.params.qid),
  );

  r.delete(
    '/api/events/:id/questions/:qid/vote',
    {
      config: { auth: 'member', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: { tags, summary: 'Take your upvote back (nothing to take back is fine)', params: QuestionParams, response: { 200: QuestionView, ...errorResponses(401, 404) } },
    },
    async (request) => questions.unvote(request.principal, request.params.id, request.params.qid),
  );

  r.post(
    '/api/events/:id/questions/:qid/answer',
    {
      config: { auth: 'member', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Answer a question in the event topic (host or staff)',
        description: 'Posts a reply quoting the question, marks the question answered with the post, and tells the asker. Once per question: 409 already_answered.',
        params: QuestionParams,
        body: AnswerBody,
        response: { 200: QuestionView, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => questions.answer(request.principal, request.params.id, request.params.qid, request.body),
  );
}
