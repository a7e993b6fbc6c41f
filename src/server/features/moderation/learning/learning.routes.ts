import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireRole } from '../../../platform/http/principal';
import { errorResponses } from '../../../platform/http/schemas';
import type { ModelRegistry } from './model-registry';
import type { RetrainService } from './retrain.service';

const RetrainView = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      version: Type.Union([Type.String(), Type.Null()]),
      examples: Type.Integer(),
      communityExamples: Type.Integer({ description: 'Moderator decisions learned from' }),
      skipped: Type.Union([Type.String(), Type.Null()], { description: 'Why no new model was trained, if so' }),
    }),
  ),
});

const ModelsView = Type.Object({ spam: Type.String({ description: 'The version in use' }), abuse: Type.String() });

export function registerLearningRoutes(app: FastifyInstance, retrain: RetrainService, models: ModelRegistry): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['moderation'];

  r.get(
    '/api/moderation/classifiers',
    { config: { auth: 'member' }, schema: { tags, summary: 'The classifier versions in use (staff)', response: { 200: ModelsView, ...errorResponses(401, 403) } } },
    async (request) => {
      requireRole(request.principal, 'moderator', 'Only staff can see the classifiers');
      return { spam: models.current('spam').version, abuse: models.current('abuse').version };
    },
  );

  r.post(
    '/api/admin/classifiers/retrain',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Retrain both classifiers now from the samples and the moderators\' decisions (admins; a weekly job does it too)', response: { 200: RetrainView, ...errorResponses(401, 403) } },
    },
    async (request) => retrain.retrainNow(request.principal, request.ip),
  );
}
