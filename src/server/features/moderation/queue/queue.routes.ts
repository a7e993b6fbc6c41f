import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { DecisionBody, QueuePage, QueueQuery, ReviewItemView } from './queue.schema';
import type { QueueService } from './queue.service';

export function registerQueueRoutes(app: FastifyInstance, queue: QueueService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { auth: 'member' as const };
  const tags = ['moderation'];

  r.get(
    '/api/moderation/queue',
    {
      config: staff,
      schema: { tags, summary: 'The review queue: flagged, held and first posts, flagged members, sign-ups (staff)', querystring: QueueQuery, response: { 200: QueuePage, ...errorResponses(401, 403) } },
    },
    async (request) => queue.list(request.principal, request.query),
  );

  r.get(
    '/api/moderation/queue/:id',
    { config: staff, schema: { tags, summary: 'One review item (staff)', params: IdParam, response: { 200: ReviewItemView, ...errorResponses(401, 403, 404) } } },
    async (request) => queue.get(request.principal, request.params.id),
  );

  r.post(
    '/api/moderation/queue/:id/claim',
    { config: staff, schema: { tags, summary: 'Claim an item so others see you are on it (staff)', params: IdParam, response: { 200: ReviewItemView, ...errorResponses(401, 403, 404, 409) } } },
    async (request) => queue.claim(request.principal, request.params.id),
  );

  r.delete(
    '/api/moderation/queue/:id/claim',
    { config: staff, schema: { tags, summary: 'Release your claim (staff)', params: IdParam, response: { 200: ReviewItemView, ...errorResponses(401, 403, 404) } } },
    async (request) => queue.unclaim(request.principal, request.params.id),
  );

  r.post(
    '/api/moderation/queue/:id/decision',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Decide an item: approve, reject, hide, delete, edit or dismiss, optionally sanctioning the author (staff)',
        description: 'Audited. The author is told (with the message), flaggers learn the outcome, and spam/abuse decisions become training labels for the classifiers.',
        params: IdParam,
        body: DecisionBody,
        response: { 200: ReviewItemView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => queue.decide(request.principal, request.params.id, request.body, request.ip),
  );
}
