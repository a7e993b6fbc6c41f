import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { CreatePostBody, EditPostBody, HeldPostView, MyHeldPosts, PostView, PreviewBody, PreviewView, ReactionBody, ReactionParams, ReactionsView, RevisionList } from './posts.schema';
import type { PostsService } from './posts.service';

export function registerPostRoutes(app: FastifyInstance, posts: PostsService, postsPerMinute: number): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };

  r.post(
    '/api/markdown/preview',
    {
      config: { ...member, rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: { tags: ['discussions'], summary: 'Render Markdown as a post would show it (composer preview)', body: PreviewBody, response: { 200: PreviewView, ...errorResponses(401, 403) } },
    },
    async (request) => posts.preview(request.principal, request.body.body),
  );

  r.post(
    '/api/topics/:id/posts',
    {
      config: { ...member, rateLimit: { max: postsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['discussions'],
        summary: 'Reply to a topic',
        description: 'Answers 201 with the post, or 202 when moderation holds it for review (with the reason).',
        params: IdParam,
        body: CreatePostBody,
        response: { 201: PostView, 202: HeldPostView, ...errorResponses(401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const created = await posts.reply(request.principal, request.params.id, request.body);
      return reply.code('status' in created ? 202 : 201).send(created);
    },
  );

  r.get(
    '/api/topics/:id/held-posts',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'Your replies in the topic that wait for review',
        description: 'Only your own: a held reply is hidden from everyone else until a moderator approves it. A topic you cannot see: 404.',
        params: IdParam,
        response: { 200: MyHeldPosts, ...errorResponses(401, 404) },
      },
    },
    async (request) => posts.heldForMe(request.principal, request.params.id),
  );

  r.patch(
    '/api/posts/:id',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'Edit a post (its author or staff)',
        description: 'Send the revision you edited; if the post changed since, the answer is 409 edit_conflict. The old body is kept as a revision.',
        params: IdParam,
        body: EditPostBody,
        response: { 200: PostView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => posts.edit(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/posts/:id',
    { config: member, schema: { tags: ['discussions'], summary: 'Delete a post (its author or staff); the first post deletes the topic', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } } },
    async (request, reply) => {
      await posts.remove(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/posts/:id/reactions',
    { config: member, schema: { tags: ['discussions'], summary: 'React to a post', params: IdParam, body: ReactionBody, response: { 201: ReactionsView, ...errorResponses(401, 404, 409) } } },
    async (request, reply) => reply.code(201).send(await posts.react(request.principal, request.params.id, request.body.emoji)),
  );

  r.delete(
    '/api/posts/:id/reactions/:emoji',
    { config: member, schema: { tags: ['discussions'], summary: 'Take back a reaction', params: ReactionParams, response: { 204: NoContent, ...errorResponses(401, 404) } } },
    async (request, reply) => {
      await posts.unreact(request.principal, request.params.id, request.params.emoji);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/posts/:id/revisions',
    {
      schema: {
        tags: ['discussions'],
        summary: 'Every revision of a post, with line diffs',
        description: 'Whoever may see the post may see its revisions; a deleted post: its author and staff.',
        params: IdParam,
        response: { 200: RevisionList, ...errorResponses(404) },
      },
    },
    async (request) => posts.revisions(request.principal, request.params.id),
  );

  r.post(
    '/api/posts/:id/restore',
    {
      config: member,
      schema: {
        tags: ['discussions'],
        summary: 'Restore a deleted post (staff); the first post restores the topic',
        description: 'A post that is not deleted is answered as is. A reply in a deleted topic: 409, restore the first post first. Audited.',
        params: IdParam,
        response: { 200: PostView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => posts.restore(request.principal, request.params.id, request.ip),
  );
}
