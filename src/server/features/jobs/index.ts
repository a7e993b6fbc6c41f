// Job status and progress for staff (imports, recomputes and other long work).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { errorResponses, NullableTimestamp, Timestamp } from '../../platform/http/schemas';
import { requireRole } from '../../platform/http/principal';

const JobStatusView = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: Type.Union(['created', 'retry', 'active', 'completed', 'cancelled', 'failed'].map((s) => Type.Literal(s))),
  percent: Type.Number(),
  message: Type.String(),
  retryCount: Type.Integer(),
  createdAt: Timestamp,
  completedAt: NullableTimestamp,
});

export function registerJobRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/admin/jobs/:id',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'State and progress of a background job (staff)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: JobStatusView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireRole(request.principal, 'moderator', 'Only staff can read job status');
      const status = await ctx.jobs.status(request.params.id);
      if (!status) throw notFound('No such job');
      return { ...status, createdAt: status.createdAt.toISOString(), completedAt: status.completedAt?.toISOString() ?? null };
    },
  );
}
