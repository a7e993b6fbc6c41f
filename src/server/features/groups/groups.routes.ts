import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../platform/http/schemas';
import { AddGroupMemberBody, CreateGroupBody, GroupList, GroupMemberList, GroupMemberParams, GroupView, PatchGroupBody } from './groups.schema';
import type { GroupsService } from './groups.service';

export function registerGroupRoutes(app: FastifyInstance, groups: GroupsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { auth: 'member' as const, scope: 'admin' as const };

  r.get(
    '/api/groups',
    { config: { auth: 'member' }, schema: { tags: ['groups'], summary: 'All groups', response: { 200: GroupList, ...errorResponses(401) } } },
    async (request) => ({ items: await groups.list(request.principal) }),
  );

  r.post(
    '/api/groups',
    { config: staff, schema: { tags: ['groups'], summary: 'Create a named group (admins)', body: CreateGroupBody, response: { 201: GroupView, ...errorResponses(401, 403, 409) } } },
    async (request, reply) => reply.code(201).send(await groups.create(request.principal, request.body, request.ip)),
  );

  r.patch(
    '/api/groups/:id',
    { config: staff, schema: { tags: ['groups'], summary: 'Rename or describe a group (admins)', params: IdParam, body: PatchGroupBody, response: { 200: GroupView, ...errorResponses(401, 403, 404, 409) } } },
    async (request) => groups.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/groups/:id',
    { config: staff, schema: { tags: ['groups'], summary: 'Delete a named group (admins)', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } } },
    async (request, reply) => {
      await groups.remove(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/groups/:id/members',
    { config: staff, schema: { tags: ['groups'], summary: 'Members of a named group (staff)', params: IdParam, response: { 200: GroupMemberList, ...errorResponses(401, 403, 404) } } },
    async (request) => ({ items: await groups.members(request.principal, request.params.id) }),
  );

  r.post(
    '/api/groups/:id/members',
    { config: staff, schema: { tags: ['groups'], summary: 'Add a member to a named group (admins)', params: IdParam, body: AddGroupMemberBody, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } } },
    async (request, reply) => {
      await groups.addMember(request.principal, request.params.id, request.body.username, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/api/groups/:id/members/:memberId',
    { config: staff, schema: { tags: ['groups'], summary: 'Remove a member from a named group (admins)', params: GroupMemberParams, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } } },
    async (request, reply) => {
      await groups.removeMember(request.principal, request.params.id, request.params.memberId, request.ip);
      return reply.code(204).send(null);
    },
  );
}
