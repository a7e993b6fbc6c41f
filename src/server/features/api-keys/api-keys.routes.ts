import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../platform/http/schemas';
import { ApiKeyList, ApiKeyListQuery, CreateApiKeyBody, CreatedApiKey } from './api-keys.schema';
import type { ApiKeysService } from './api-keys.service';

export function registerApiKeyRoutes(app: FastifyInstance, apiKeys: ApiKeysService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/api-keys',
    { config: { auth: 'member' }, schema: { tags: ['api-keys'], summary: 'Your API keys (admins: anyone\'s)', querystring: ApiKeyListQuery, response: { 200: ApiKeyList, ...errorResponses(401, 403, 404) } } },
    async (request) => ({ items: await apiKeys.list(request.principal, request.query) }),
  );

  r.post(
    '/api/api-keys',
    {
      config: { auth: 'member', rateLimit: { max: 30, timeWindow: 3_600_000 } },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key',
        description: 'The key is in the response once. Send it as `Authorization: Bearer <key>`.',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await apiKeys.create(request.principal, request.body, request.ip)),
  );

  r.delete(
    '/api/api-keys/:id',
    { config: { auth: 'member' }, schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await apiKeys.revoke(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
}
