import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { CloseBody, CooldownBody, MediationListQuery, MediationPage, MediationView, OpenMediationBody, SuggestionList, SuggestionQuery } from './mediation.schema';
import type { MediationService } from './mediation.service';

export function registerMediationRoutes(app: FastifyInstance, mediation: MediationService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { auth: 'member' as const };
  const tags = ['moderation'];

  r.get(
    '/api/moderation/mediation/suggestions',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Pairs of members a moderator may want to mediate between',
        description:
          'Pairs who flagged each other in the last 30 days, or who replied to each other back and forth (3+ replies) in one topic in the last 7 days with a mean ' +
          'abuse score (hate + offensive) of 0.5 or more. Pairs with an open mediation or a running cool-down are left out unless includeSettled. Staff only.',
        querystring: SuggestionQuery,
        response: { 200: SuggestionList, ...errorResponses(401, 403) },
      },
    },
    async (request) => mediation.suggestions(request.principal, request.query),
  );

  r.post(
    '/api/moderation/mediations',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Open a mediation between two members',
        description: 'Starts a private conversation between you and both members with your message, and records the mediation. 409 conflict when one is open for the pair.',
        body: OpenMediationBody,
        response: { 201: MediationView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await mediation.open(request.principal, request.body, request.ip)),
  );

  r.get(
    '/api/moderation/mediations',
    { config: staff, schema: { tags, summary: 'Mediations, newest first', querystring: MediationListQuery, response: { 200: MediationPage, ...errorResponses(401, 403) } } },
    async (request) => mediation.list(request.principal, request.query),
  );

  r.get(
    '/api/moderation/mediations/:id',
    { config: staff, schema: { tags, summary: 'One mediation', params: IdParam, response: { 200: MediationView, ...errorResponses(401, 403, 404) } } },
    async (request) => mediation.get(request.principal, request.params.id),
  );

  r.post(
    '/api/moderation/mediations/:id/cooldown',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Set a cool-down between the two members',
        description: 'For `days` days neither may reply to or @mention the other (403 cooldown_active). Both are told, with the reason. Replaces a running cool-down.',
        params: IdParam,
        body: CooldownBody,
        response: { 200: MediationView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => mediation.setCooldown(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/moderation/mediations/:id/cooldown',
    {
      config: staff,
      schema: { tags, summary: 'Lift the cool-down early', description: '409 conflict when none is running.', params: IdParam, response: { 200: MediationView, ...errorResponses(401, 403, 404, 409) } },
    },
    async (request) => mediation.liftCooldown(request.principal, request.params.id, request.ip),
  );

  r.post(
    '/api/moderation/mediations/:id/close',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Close a mediation with its outcome',
        description: 'A cool-down keeps running after the mediation is closed. 409 conflict when it is closed already.',
        params: IdParam,
        body: CloseBody,
        response: { 200: MediationView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => mediation.close(request.principal, request.params.id, request.body, request.ip),
  );
}
