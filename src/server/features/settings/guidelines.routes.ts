import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import { AcceptedGuidelines, AcceptGuidelinesBody, GuidelinesView, GuidelineVersionList, VersionParam } from './guidelines.schema';
import type { GuidelinesService } from './guidelines.service';

export function registerGuidelinesRoutes(app: FastifyInstance, guidelines: GuidelinesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['site'];

  r.get(
    '/api/guidelines',
    { schema: { tags, summary: 'The current community guidelines, with the sections moderators cite', response: { 200: GuidelinesView, ...errorResponses() } } },
    async () => guidelines.current(),
  );

  r.get(
    '/api/guidelines/versions',
    { schema: { tags, summary: 'Every version of the guidelines, newest first', response: { 200: GuidelineVersionList, ...errorResponses() } } },
    async () => guidelines.versions(),
  );

  r.get(
    '/api/guidelines/versions/:version',
    { schema: { tags, summary: 'One version of the guidelines, as it stood', params: VersionParam, response: { 200: GuidelinesView, ...errorResponses(404) } } },
    async (request) => guidelines.version(request.params.version),
  );

  r.post(
    '/api/me/guidelines',
    {
      config: { auth: 'member' },
      schema: {
        tags,
        summary: 'Accept the current guidelines (asked again after every change: compare /api/me guidelinesVersion with /api/site)',
        description: 'A version that is no longer current answers 409 conflict.',
        body: AcceptGuidelinesBody,
        response: { 200: AcceptedGuidelines, ...errorResponses(401, 409) },
      },
    },
    async (request) => guidelines.accept(request.principal, request.body.version),
  );
}
