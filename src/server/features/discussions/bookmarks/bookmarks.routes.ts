import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { BookmarkBody, BookmarkPage, BookmarkQuery, BookmarkView } from './bookmarks.schema';
import type { BookmarksService } from './bookmarks.service';

export function registerBookmarkRoutes(app: FastifyInstance, bookmarks: BookmarksService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };

  r.post(
    '/api/posts/:id/bookmark',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'Bookmark a post, or change the bookmark\'s note and reminder',
        description: '201 when the bookmark is new, 200 when it existed (the fields sent replace the old ones). Posts the member cannot see: 404.',
        params: IdParam,
        body: BookmarkBody,
        response: { 200: BookmarkView, 201: BookmarkView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { created, bookmark } = await bookmarks.add(request.principal, request.params.id, request.body);
      return reply.code(created ? 201 : 200).send(bookmark);
    },
  );

  r.delete(
    '/api/posts/:id/bookmark',
    { config: member, schema: { tags: ['discussions'], summary: 'Take a bookmark off', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await bookmarks.remove(request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/bookmarks',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'The member\'s bookmarks, newest first',
        description: 'Bookmarks on posts the member can no longer see (deleted, or in a space closed to them) are left out.',
        querystring: BookmarkQuery,
        response: { 200: BookmarkPage, ...errorResponses(401) },
      },
    },
    async (request) => bookmarks.list(request.principal, request.query),
  );
}
