import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sendJson, serializerOf } from '../../../platform/http/json';
import { errorResponses } from '../../../platform/http/schemas';
import { SearchPage, SearchQuery } from './search.schema';
import type { SearchService } from './search.service';

export function registerSearchRoutes(app: FastifyInstance, search: SearchService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/search',
    {
      config: { hotLane: true },
      schema: {
        tags: ['discussions'],
        summary: 'Search topic titles and post bodies the viewer may see',
        description: 'Ranked best first. Deleted posts and topics, unlisted topics and spaces the viewer cannot see are left out. A bare date in after/before means midnight UTC; before is exclusive.',
        querystring: SearchQuery,
        response: { 200: SearchPage, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const at = request.url.indexOf('?');
      return sendJson(reply, await search.rendered(request.principal, request.query, serializerOf(reply), at < 0 ? undefined : request.url.slice(at + 1)));
    },
  );
}
