import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { LadderSuggestion, SanctionBody, SanctionView } from './sanctions.schema';
import type { SanctionsService } from './sanctions.service';

export function registerSanctionRoutes(app: FastifyInstance, sanctions: SanctionsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };
  const tags = ['moderation'];

  r.post(
    '/api/moderation/members/:id/sanctions',
    {
      config: member,
      schema: {
        tags,
        summary: 'Warn, silence, suspend or ban a member (staff)',
        description: 'Names a guideline and a reason; ends after `hours` (default: the next step of the escalation ladder). Moderators cannot sanction staff, and nobody can sanction an admin (403 cannot_sanction_staff).',
        params: IdParam,
        body: SanctionBody,
        response: { 201: SanctionView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await sanctions.impose(request.principal, request.params.id, request.body, { ip: request.ip })),
  );

  r.get(
    '/api/moderation/members/:id/sanctions',
    {
      config: member,
      schema: {
        tags,
        summary: 'A member\'s sanctions and the suggested next step of the ladder (staff)',
        params: IdParam,
        response: { 200: Type.Object({ items: Type.Array(SanctionView), suggestion: LadderSuggestion }), ...errorResponses(401, 403) },
      },
    },
    async (request) => sanctions.history(request.principal, request.params.id),
  );

  r.delete(
    '/api/moderation/sanctions/:id',
    { config: member, schema: { tags, summary: 'Lift a sanction early (staff)', params: IdParam, response: { 200: SanctionView, ...errorResponses(401, 403, 404) } } },
    async (request) => sanctions.lift(request.principal, request.params.id, request.ip),
  );
}
