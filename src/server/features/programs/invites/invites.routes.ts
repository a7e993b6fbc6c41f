// HTTP for invites: members' own links, the public check of a code, and staff's advocates list.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { AdvocatesQuery, AdvocatesView, CreateInviteBody, CreatedInvite, InviteCodeParam, InviteListQuery, InviteLookup, InvitePage } from './invites.schema';
import type { InvitesService } from './invites.service';
import { inviteLimits } from './invites.rules';

export function registerInviteRoutes(app: FastifyInstance, invites: InvitesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['invites'];

  r.post(
    '/api/invites',
    {
      config: { auth: 'member', rateLimit: { max: 30, timeWindow: 3_600_000 } },
      schema: {
        tags,
        summary: 'Make a personal invite link',
        description: `Single-use by default (maxUses null: any number), expiring after expiresInDays (default 7). The code and link are in this answer only: Hearth keeps a hash. At most ${inviteLimits.activePerMember} active invites per member: 409 invite_limit.`,
        body: CreateInviteBody,
        response: { 201: CreatedInvite, ...errorResponses(401, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await invites.create(request.principal, request.body)),
  );

  r.get(
    '/api/invites',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'My invites, newest first, with the members who joined through each', querystring: InviteListQuery, response: { 200: InvitePage, ...errorResponses(401) } },
    },
    async (request) => invites.mine(request.principal, request.query),
  );

  r.get(
    '/api/invites/advocates',
    {
      config: { auth: 'member' },
      schema: {
        tags,
        summary: 'Members who bring in new members (staff)',
        description: 'Per inviter: members who joined through their invites in the last `days` days, and how many of them are still active. Most active first.',
        querystring: AdvocatesQuery,
        response: { 200: AdvocatesView, ...errorResponses(401, 403) },
      },
    },
    async (request) => invites.advocates(request.principal, request.query),
  );

  r.get(
    '/api/invites/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `invite-lookup${request.ip}` } },
      schema: {
        tags,
        summary: 'Check an invite code (public)',
        description: 'Valid: the inviter\'s display name and the expiry. Unknown: 404 invite_not_found; expired, used up or withdrawn: 410 invite_expired, invite_used_up or invite_revoked.',
        params: InviteCodeParam,
        response: { 200: InviteLookup, ...errorResponses(404, 410) },
      },
    },
    async (request) => invites.lookup(request.params.code),
  );

  r.delete(
    '/api/invites/:id',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Revoke an invite (its inviter or staff)', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await invites.revoke(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
}
