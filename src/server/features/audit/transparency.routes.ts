import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import { TransparencyReport } from './transparency.schema';
import type { TransparencyService } from './transparency.service';

export function registerTransparencyRoutes(app: FastifyInstance, transparency: TransparencyService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/transparency',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Moderation in numbers: actions per month and kind, and the latest ones',
        description: 'Public when the transparency page is enabled in the site settings, 404 otherwise. Shows no actor, target, or reason.',
        response: { 200: TransparencyReport, ...errorResponses(404) },
      },
    },
    async () => transparency.report(),
  );
}
