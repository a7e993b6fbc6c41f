// HTTP for flags: members flag posts and members and read their own flags; staff read a post's flags.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { FlagBody, MyFlagPage, MyFlagQuery, MyFlagView, PostFlagsView } from './flags.schema';
import type { FlagsService } from './flags.service';

export function registerFlagRoutes(app: FastifyInstance, flags: FlagsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };
  const tags = ['moderation'];

  r.post(
    '/api/posts/:id/flags',
    {
      config: member,
      schema: {
        tags,
        summary: 'Flag a post for the moderators',
        description:
          'The flag weighs by the flagger\'s trust level and how often moderators agreed with their flags before. When the weight of a post\'s open flags reaches flagHideThreshold, the post is hidden until a moderator reviews it. One flag per member and post (409 already_flagged), until a moderator settled it and the post was edited since; your own post: 400 own_post; a post you cannot see: 404.',
        params: IdParam,
        body: FlagBody,
        response: { 201: MyFlagView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await flags.flagPost(request.principal, request.params.id, request.body)),
  );

  r.post(
    '/api/members/:id/flags',
    {
      config: member,
      schema: {
        tags,
        summary: 'Flag a member for the moderators',
        description: 'One open flag per member and flagged member; yourself: 400 own_post.',
        params: IdParam,
        body: FlagBody,
        response: { 201: MyFlagView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await flags.flagMember(request.principal, request.params.id, request.body)),
  );

  r.get(
    '/api/posts/:id/flags',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: { tags, summary: 'The flags on a post, with flaggers and weights (staff)', params: IdParam, response: { 200: PostFlagsView, ...errorResponses(401, 403, 404) } },
    },
    async (request) => flags.listForPost(request.principal, request.params.id),
  );

  r.get(
    '/api/me/flags',
    { config: member, schema: { tags, summary: 'Your flags and how moderators settled them, newest first', querystring: MyFlagQuery, response: { 200: MyFlagPage, ...errorResponses(401) } } },
    async (request) => flags.mine(request.principal, request.query),
  );
}
