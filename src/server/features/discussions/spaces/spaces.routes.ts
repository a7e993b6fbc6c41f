import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { CreateSpaceBody, SpaceList, SpacePermissionsBody, SpacePermissionsView, SpaceView, UpdateSpaceBody } from './spaces.schema';
import type { SpacesService } from './spaces.service';

export function registerSpaceRoutes(app: FastifyInstance, spaces: SpacesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { auth: 'member' as const, scope: 'admin' as const };

  r.get(
    '/api/spaces',
    { schema: { tags: ['discussions'], summary: 'The spaces the viewer can see', response: { 200: SpaceList } } },
    async (request) => ({ items: await spaces.list(request.principal) }),
  );

  r.post(
    '/api/spaces',
    { config: admin, schema: { tags: ['discussions'], summary: 'Create a space (admins)', body: CreateSpaceBody, response: { 201: SpaceView, ...errorResponses(401, 403, 409) } } },
    async (request, reply) => reply.code(201).send(await spaces.create(request.principal, request.body, request.ip)),
  );

  r.patch(
    '/api/spaces/:id',
    {
      config: admin,
      schema: {
        tags: ['discussions'],
        summary: 'Change a space (admins)',
        description: 'Any of name, slug, description, visibility, kind (which program its topics belong to), colour and position. Audited.',
        params: IdParam,
        body: UpdateSpaceBody,
        response: { 200: SpaceView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => spaces.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.get(
    '/api/spaces/:id/permissions',
    { config: admin, schema: { tags: ['discussions'], summary: 'The groups granted rights in a space (admins)', params: IdParam, response: { 200: SpacePermissionsView, ...errorResponses(401, 403, 404) } } },
    async (request) => spaces.permissions(request.principal, request.params.id),
  );

  r.put(
    '/api/spaces/:id/permissions',
    {
      config: admin,
      schema: {
        tags: ['discussions'],
        summary: 'Replace the groups granted rights in a space (admins)',
        description: 'A private space is seen by staff and the groups granted canSee. In a public space with grants, only granted groups post and reply.',
        params: IdParam,
        body: SpacePermissionsBody,
        response: { 200: SpacePermissionsView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => spaces.setPermissions(request.principal, request.params.id, request.body, request.ip),
  );
}
