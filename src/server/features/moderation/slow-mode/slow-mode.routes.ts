import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { SlowModeBody, SlowModeView } from './slow-mode.schema';
import type { SlowModeService } from './slow-mode.service';

export function registerSlowModeRoutes(app: FastifyInstance, slowMode: SlowModeService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().put(
    '/api/topics/:id/slow-mode',
    {
      config: { auth: 'member' },
      schema: {
        tags: ['moderation'],
        summary: 'Set or turn off slow mode in a topic (staff)',
        description: 'Members (not staff) may then post once every `seconds` seconds in the topic; sooner answers 429 slow_mode with Retry-After. 0 turns it off.',
        params: IdParam,
        body: SlowModeBody,
        response: { 200: SlowModeView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => slowMode.set(request.principal, request.params.id, request.body, request.ip),
  );
}
