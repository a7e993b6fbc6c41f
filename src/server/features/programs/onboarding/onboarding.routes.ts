// HTTP for onboarding: the member's "start here" checklist and the newcomers' queue.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../../platform/http/schemas';
import { NewcomersPage, NewcomersQuery, OnboardingPatch, OnboardingView } from './onboarding.schema';
import type { OnboardingService } from './onboarding.service';

export function registerOnboardingRoutes(app: FastifyInstance, onboarding: OnboardingService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['onboarding'];
  const member = { auth: 'member' as const };

  r.get(
    '/api/me/onboarding',
    {
      config: member,
      schema: {
        tags,
        summary: 'My "start here" checklist',
        description: 'Fill in your profile, read the guidelines, introduce yourself, write a first reply: each computed from what you did, with overall progress.',
        response: { 200: OnboardingView, ...errorResponses(401) },
      },
    },
    async (request) => onboarding.checklist(request.principal),
  );

  r.put(
    '/api/me/onboarding',
    {
      config: member,
      schema: { tags, summary: 'Hide (or show again) my "start here" card', body: OnboardingPatch, response: { 200: OnboardingView, ...errorResponses(401) } },
    },
    async (request) => onboarding.setDismissed(request.principal, request.body),
  );

  r.get(
    '/api/onboarding/newcomers',
    {
      config: member,
      schema: {
        tags,
        summary: 'The newcomers\' queue (staff and the helpers group)',
        description:
          'Topics of the last 30 days by members who had joined less than newcomerDays before, that nobody else has answered yet, in spaces the viewer sees; oldest (most overdue) first. overdue: older than newcomerResponseHours. Others: 403.',
        querystring: NewcomersQuery,
        response: { 200: NewcomersPage, ...errorResponses(401, 403) },
      },
    },
    async (request) => onboarding.newcomers(request.principal, request.query),
  );
}
