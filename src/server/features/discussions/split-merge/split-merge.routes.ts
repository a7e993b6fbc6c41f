import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { TopicDetail } from '../topics/topics.schema';
import { MergeTopicBody, SplitTopicBody } from './split-merge.schema';
import type { SplitMergeService } from './split-merge.service';

export function registerSplitMergeRoutes(app: FastifyInstance, service: SplitMergeService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };

  r.post(
    '/api/topics/:id/split',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'Move replies into a new topic (staff)',
        description:
          'The selected replies (never the first post) become a new topic, the earliest its first post. Both topics are numbered 1, 2, 3 … again; ' +
          'reply counts, space counters, read marks and notifications follow the posts. Audited (topic.split). Answers the new topic.',
        params: IdParam,
        body: SplitTopicBody,
        response: { 201: TopicDetail, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.split(request.principal, request.params.id, request.body, request.ip)),
  );

  r.post(
    '/api/topics/:id/merge',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'Merge a topic into another (staff)',
        description:
          'Every post moves into intoTopicId, whose first post stays first; the rest are ordered by time and renumbered. This topic is left ' +
          'closed and deleted with mergedIntoId: GET /api/topics/{id} answers it (no posts) to whoever may see its space, and /t/… redirects. ' +
          'Audited (topic.merge). Answers the merged topic.',
        params: IdParam,
        body: MergeTopicBody,
        response: { 200: TopicDetail, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => service.merge(request.principal, request.params.id, request.body, request.ip),
  );
}
