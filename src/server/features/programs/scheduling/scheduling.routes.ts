// HTTP for scheduled publishing (staff).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { RunReport, ScheduleBody, ScheduledList, ScheduledQuery, ScheduledView, SchedulePatch } from './scheduling.schema';
import type { SchedulingService } from './scheduling.service';

export function registerSchedulingRoutes(app: FastifyInstance, scheduling: SchedulingService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['scheduling'];
  const member = { auth: 'member' as const };

  r.post(
    '/api/scheduled',
    {
      config: member,
      schema: {
        tags,
        summary: 'Schedule a topic, article or announcement (staff; audited)',
        description:
          'publishAt not in the future: 400 publish_at_past. topic and article need spaceId (and may have tags); an article needs a knowledge base: 409 not_article. An announcement may have audience and endsAt. It is published within a minute of publishAt, as you.',
        body: ScheduleBody,
        response: { 201: ScheduledView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await scheduling.create(request.principal, request.body, request.ip)),
  );

  r.get(
    '/api/scheduled',
    { config: member, schema: { tags, summary: 'Scheduled items: pending, published (with the topic or announcement) and failed (with the error) (staff)', querystring: ScheduledQuery, response: { 200: ScheduledList, ...errorResponses(401, 403) } } },
    async (request) => scheduling.list(request.principal, request.query),
  );

  r.patch(
    '/api/scheduled/:id',
    {
      config: member,
      schema: { tags, summary: 'Change a pending item (staff; audited)', description: 'Not pending any more: 409 not_pending.', params: IdParam, body: SchedulePatch, response: { 200: ScheduledView, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => scheduling.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/scheduled/:id',
    {
      config: member,
      schema: { tags, summary: 'Cancel a pending item (staff; audited)', description: 'Not pending any more: 409 not_pending.', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await scheduling.cancel(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/scheduled/run',
    {
      config: { auth: 'member', scope: 'admin', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, summary: 'Publish the due items now instead of waiting for the minute job (admins)', response: { 200: RunReport, ...errorResponses(401, 403) } },
    },
    async (request) => scheduling.runNow(request.principal),
  );
}
