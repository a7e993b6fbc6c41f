// HTTP for badges and the leaderboard.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { BadgeList, GrantBody, GrantParams, LeaderboardQuery, LeaderboardView, MemberBadge, MemberBadgesView, UsernameParam } from './badges.schema';
import type { BadgesService } from './badges.service';

export function registerBadgeRoutes(app: FastifyInstance, badges: BadgesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['badges'];
  // Staff calls: an API key needs the admin scope, as for every other staff write.
  const staff = { auth: 'member' as const, scope: 'admin' as const, rateLimit: { max: 60, timeWindow: 60_000 } };

  r.get('/api/badges', { schema: { tags, summary: 'Every badge, with how many members hold it', response: { 200: BadgeList } } }, async () => badges.list());

  r.get(
    '/api/users/:username/badges',
    { schema: { tags, summary: "A member's badges and reputation", params: UsernameParam, response: { 200: MemberBadgesView, ...errorResponses(404) } } },
    async (request) => badges.ofMember(request.params.username),
  );

  r.post(
    '/api/badges/:id/grants',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Grant a badge to a member by hand (staff)',
        description: 'Any badge, rule-based ones too; the member is notified. A member who already holds it: 409 conflict. Audited.',
        params: IdParam,
        body: GrantBody,
        response: { 201: MemberBadge, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await badges.grant(request.principal, request.params.id, request.body, request.ip)),
  );

  r.delete(
    '/api/badges/:id/grants/:username',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Revoke a badge from a member (staff)',
        description: 'The rules will not grant a revoked badge again; granting it by hand restores it. Audited.',
        params: GrantParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await badges.revoke(request.principal, request.params.id, request.params.username, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/leaderboard',
    {
      schema: {
        tags,
        summary: 'Top 50 members by reputation gained in a rolling period',
        description: 'Points come from accepted (qaReputation.accepted) and up-voted (qaReputation.upvote) answers in Q&A spaces; equal points share a rank.',
        querystring: LeaderboardQuery,
        response: { 200: LeaderboardView },
      },
    },
    async (request) => badges.leaderboard(request.query),
  );
}
