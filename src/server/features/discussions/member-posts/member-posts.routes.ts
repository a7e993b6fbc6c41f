import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../../platform/http/schemas';
import { MemberPostPage, MemberPostsParams, MemberPostsQuery } from './member-posts.schema';
import type { MemberPostsService } from './member-posts.service';

export function registerMemberPostRoutes(app: FastifyInstance, memberPosts: MemberPostsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/users/:username/posts',
    {
      schema: {
        tags: ['discussions'],
        summary: 'A member\'s recent posts, or the topics they started',
        description: 'Newest first. Only live posts of live topics in spaces the viewer may see; unlisted topics for staff only.',
        params: MemberPostsParams,
        querystring: MemberPostsQuery,
        response: { 200: MemberPostPage, ...errorResponses(404) },
      },
    },
    async (request) => memberPosts.list(request.principal, request.params.username, request.query),
  );
}
