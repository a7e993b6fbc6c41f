import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../../platform/http/schemas';
import { TagList, TagListQuery } from './tags.schema';
import type { TagsService } from './tags.service';

export function registerTagRoutes(app: FastifyInstance, tags: TagsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/tags',
    {
      schema: {
        tags: ['discussions'],
        summary: 'Tags in use, with their topic counts',
        description: 'Counts only listed, live topics in the spaces the viewer may see. A tag\'s topics: GET /api/topics?tag=.',
        querystring: TagListQuery,
        response: { 200: TagList, ...errorResponses() },
      },
    },
    async (request) => tags.list(request.principal, request.query),
  );
}
