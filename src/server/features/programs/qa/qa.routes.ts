// HTTP for Q&A: accepted answers, answer votes, a question's Q&A facts, the question list, statistics.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { AcceptBody, QaStatsQuery, QaStatsView, QuestionPage, QuestionQuery, TopicQaView, VoteView } from './qa.schema';
import type { QaService } from './qa.service';

export function registerQaRoutes(app: FastifyInstance, qa: QaService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['qa'];
  const member = { auth: 'member' as const, rateLimit: { max: 120, timeWindow: 60_000 } };

  r.get(
    '/api/topics/:id/qa',
    {
      schema: {
        tags,
        summary: "A question's accepted answer, votes per answer, the viewer's votes and rights",
        description: 'A topic outside a Q&A space: 409 not_qa_space.',
        params: IdParam,
        response: { 200: TopicQaView, ...errorResponses(404, 409) },
      },
    },
    async (request) => qa.topicQa(request.principal, request.params.id),
  );

  r.put(
    '/api/topics/:id/accepted-answer',
    {
      config: member,
      schema: {
        tags,
        summary: 'Accept an answer (the asker, staff or the space\'s moderators)',
        description:
          'Moving the acceptance to another answer moves its reputation (qaReputation.accepted) too; an asker\'s own answer earns none. The question itself or a post of another topic: 400 not_an_answer; a topic outside a Q&A space: 409 not_qa_space. The answer\'s author is notified.',
        params: IdParam,
        body: AcceptBody,
        response: { 200: TopicQaView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => qa.accept(request.principal, request.params.id, request.body.postId, request.ip),
  );

  r.delete(
    '/api/topics/:id/accepted-answer',
    {
      config: member,
      schema: { tags, summary: 'Take the acceptance back; its reputation goes too', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await qa.unaccept(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/posts/:id/votes',
    {
      config: member,
      schema: {
        tags,
        summary: 'Vote an answer up',
        description: 'Answers in Q&A spaces only (not the question: 400 not_an_answer; elsewhere: 409 not_qa_space); your own: 400 own_post; twice: 409 already_voted. The author gains qaReputation.upvote.',
        params: IdParam,
        response: { 201: VoteView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await qa.vote(request.principal, request.params.id)),
  );

  r.delete(
    '/api/posts/:id/votes',
    {
      config: member,
      schema: { tags, summary: 'Take an up-vote back; its reputation goes too', params: IdParam, response: { 200: VoteView, ...errorResponses(401, 404, 409) } },
    },
    async (request) => qa.unvote(request.principal, request.params.id),
  );

  r.get(
    '/api/spaces/:id/questions',
    {
      schema: {
        tags,
        summary: "A Q&A space's questions, newest first",
        description: 'filter=answered: with an accepted answer; unanswered: no live reply at all. Keyset-paged with nextCursor.',
        params: IdParam,
        querystring: QuestionQuery,
        response: { 200: QuestionPage, ...errorResponses(404, 409) },
      },
    },
    async (request) => qa.questions(request.principal, request.params.id, request.query),
  );

  r.get(
    '/api/spaces/:id/qa-stats',
    {
      config: { auth: 'member' },
      schema: {
        tags,
        summary: 'Q&A statistics of a space (staff and the space\'s moderators)',
        description: 'Over the questions asked in the last `days` days: how many, how many got an answer or an accepted one, and the median hours to each.',
        params: IdParam,
        querystring: QaStatsQuery,
        response: { 200: QaStatsView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => qa.stats(request.principal, request.params.id, request.query),
  );
}
