import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { AppealBody, AppealDecisionBody, AppealQuery, AppealStats, AppealView } from './appeals.schema';
import type { AppealsService } from './appeals.service';

export function registerAppealRoutes(app: FastifyInstance, appeals: AppealsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };
  const tags = ['moderation'];
  const List = Type.Object({ items: Type.Array(AppealView) });

  r.post(
    '/api/appeals',
    {
      config: member,
      schema: {
        tags,
        summary: 'Appeal a sanction or a decision that hid or removed your post (once per action)',
        description: 'A second appeal of the same action answers 409 already_appealed.',
        body: AppealBody,
        response: { 201: AppealView, ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await appeals.file(request.principal, request.body)),
  );

  r.get('/api/me/appeals', { config: member, schema: { tags, summary: 'Your appeals and their outcome', response: { 200: List, ...errorResponses(401) } } }, async (request) => appeals.mine(request.principal));

  r.get(
    '/api/appeals/:id',
    { config: member, schema: { tags, summary: 'One appeal (yours, or any for staff)', params: IdParam, response: { 200: AppealView, ...errorResponses(401, 404) } } },
    async (request) => appeals.get(request.principal, request.params.id),
  );

  r.get(
    '/api/moderation/appeals',
    { config: member, schema: { tags, summary: 'Appeals, newest first (staff)', querystring: AppealQuery, response: { 200: List, ...errorResponses(401, 403) } } },
    async (request) => appeals.list(request.principal, request.query),
  );

  r.post(
    '/api/moderation/appeals/:id/decision',
    {
      config: member,
      schema: {
        tags,
        summary: 'Uphold, overturn or reduce (staff other than the one who acted)',
        description: 'The moderator whose action is appealed gets 403 own_action; a decided appeal 409 already_decided. Overturning restores the post and lifts the sanction.',
        params: IdParam,
        body: AppealDecisionBody,
        response: { 200: AppealView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => appeals.decide(request.principal, request.params.id, request.body, request.ip),
  );

  r.get(
    '/api/moderation/appeal-stats',
    { config: member, schema: { tags, summary: 'Appeals and overturn rates per moderator (admins)', response: { 200: AppealStats, ...errorResponses(401, 403) } } },
    async (request) => appeals.stats(request.principal),
  );
}
