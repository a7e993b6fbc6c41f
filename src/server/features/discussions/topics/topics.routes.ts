import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sendJson, serializerOf } from '../../../platform/http/json';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { HeldPostView } from '../posts/posts.schema';
import { CreateTopicBody, MoveTopicBody, PatchTopicBody, TopicDetail, TopicListQuery, TopicPage, TopicQuery, TopicView } from './topics.schema';
import type { TopicsService } from './topics.service';

export function registerTopicRoutes(app: FastifyInstance, topics: TopicsService, postsPerMinute: number): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/spaces/:id/topics',
    {
      config: { hotLane: true },
      schema: {
        tags: ['discussions'],
        summary: 'Topics of a space, pinned first, then by last activity',
        params: IdParam,
        querystring: TopicListQuery,
        response: { 200: TopicPage, ...errorResponses(404) },
      },
    },
    async (request, reply) => sendJson(reply, await topics.renderedList(request.principal, request.params.id, request.query, serializerOf(reply))),
  );

  r.post(
    '/api/topics',
    {
      config: { auth: 'member', rateLimit: { max: postsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['discussions'],
        summary: 'Start a topic with its first post',
        description: 'Answers 201 with the topic, or 202 when moderation holds the first post for review (with the reason).',
        body: CreateTopicBody,
        response: { 201: TopicDetail, 202: HeldPostView, ...errorResponses(401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const created = await topics.create(request.principal, request.body);
      return reply.code('status' in created ? 202 : 201).send(created);
    },
  );

  r.get(
    '/api/topics/:id',
    {
      config: { hotLane: true },
      schema: { tags: ['discussions'], summary: 'A topic with a page of its posts', params: IdParam, querystring: TopicQuery, response: { 200: TopicDetail, ...errorResponses(404) } } },
    async (request, reply) => sendJson(reply, await topics.renderedDetail(request.principal, request.params.id, request.query.after ?? 0, serializerOf(reply))),
  );

  r.patch(
    '/api/topics/:id',
    {
      config: { auth: 'member' },
      schema: {
        tags: ['discussions'],
        summary: 'Retitle (author or staff), pin, lock, close or unlist (staff) a topic',
        params: IdParam,
        body: PatchTopicBody,
        response: { 200: TopicView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => topics.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.post(
    '/api/topics/:id/move',
    {
      config: { auth: 'member' },
      schema: {
        tags: ['discussions'],
        summary: 'Move a topic to another space (staff)',
        description: 'The topic and post counts of both spaces follow. Audited.',
        params: IdParam,
        body: MoveTopicBody,
        response: { 200: TopicView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => topics.move(request.principal, request.params.id, request.body.spaceId, request.ip),
  );
}
