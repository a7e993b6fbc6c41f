// Liveness for load balancers and monitors: 200 while the database answers, 503 otherwise.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context';

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) });

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { tags: ['site'], summary: 'Health check', response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      if (await ctx.database.ping()) return { status: 'ok' as const };
      return reply.code(503).send({ status: 'unavailable' as const });
    },
  );
}
