// HTTP for staff work on member accounts.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../platform/http/schemas';
import { StaffMemberPage, StaffMemberPatch, StaffMemberQuery, StaffMemberView, SuspensionBody } from './staff.schema';
import type { StaffService } from './staff.service';

export function registerStaffRoutes(app: FastifyInstance, staff: StaffService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const config = { auth: 'member' as const, scope: 'admin' as const };

  r.get(
    '/api/admin/members',
    { config, schema: { tags: ['admin'], summary: 'List members (staff)', querystring: StaffMemberQuery, response: { 200: StaffMemberPage, ...errorResponses(401, 403) } } },
    async (request) => staff.list(request.principal, request.query),
  );

  r.patch(
    '/api/admin/members/:id',
    {
      config,
      schema: { tags: ['admin'], summary: 'Change a member\'s role or trust level (admins)', params: IdParam, body: StaffMemberPatch, response: { 200: StaffMemberView, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => staff.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.post(
    '/api/admin/members/:id/suspension',
    {
      config,
      schema: { tags: ['admin'], summary: 'Suspend a member: ends their sessions and blocks logins and API keys', params: IdParam, body: SuspensionBody, response: { 200: StaffMemberView, ...errorResponses(401, 403, 404) } },
    },
    async (request) => staff.suspend(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/admin/members/:id/suspension',
    { config, schema: { tags: ['admin'], summary: 'Lift a suspension', params: IdParam, response: { 200: StaffMemberView, ...errorResponses(401, 403, 404) } } },
    async (request) => staff.unsuspend(request.principal, request.params.id, request.ip),
  );
}
