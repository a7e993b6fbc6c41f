// HTTP for trust levels: the levels for everyone, a member's own progress, an admin's recompute.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../../platform/http/schemas';
import { MyTrustView, RecomputeResult, TrustLevelsView } from './trust.schema';
import type { TrustService } from './trust.service';

export function registerTrustRoutes(app: FastifyInstance, trust: TrustService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['moderation'];

  r.get(
    '/api/trust-levels',
    { schema: { tags, summary: 'Trust levels: what each needs and what it may post', response: { 200: TrustLevelsView } } },
    async () => trust.levels(),
  );

  r.get(
    '/api/me/trust',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Your trust level, what you did and how far the next level is', response: { 200: MyTrustView, ...errorResponses(401) } },
    },
    async (request) => trust.mine(request.principal),
  );

  r.post(
    '/api/admin/trust-levels/recompute',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Recompute every member\'s trust level now (admins)',
        description: 'What the daily trust.recompute job does: levels 1–3 are earned and go up; 3 drops to 2 when no longer met; 4 and locked levels stay.',
        response: { 200: RecomputeResult, ...errorResponses(401, 403) },
      },
    },
    async (request) => trust.recomputeNow(request.principal),
  );
}
