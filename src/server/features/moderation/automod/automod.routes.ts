import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { AutomodRuleList, AutomodRuleView, DryRunBody, DryRunView, RuleOrderBody } from './automod-api.schema';
import { AutomodRuleInput } from './automod.schema';
import type { AutomodService } from './automod.service';

export function registerAutomodRoutes(app: FastifyInstance, automod: AutomodService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { auth: 'member' as const };
  const tags = ['moderation'];

  r.get(
    '/api/moderation/automod/rules',
    { config: staff, schema: { tags, summary: 'Automod rules in the order they run, with hit counts (staff)', response: { 200: AutomodRuleList, ...errorResponses(401, 403) } } },
    async (request) => automod.list(request.principal),
  );

  r.post(
    '/api/moderation/automod/rules',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Add an automod rule at the end of the order (staff)',
        description: 'A regex that does not compile answers 400 invalid_regex; one with catastrophic backtracking, such as (a+)+$, 400 unsafe_regex. Dry-run a rule before enabling it.',
        body: AutomodRuleInput,
        response: { 201: AutomodRuleView, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await automod.create(request.principal, request.body, request.ip)),
  );

  r.put(
    '/api/moderation/automod/rules/:id',
    { config: staff, schema: { tags, summary: 'Replace an automod rule (staff)', params: IdParam, body: AutomodRuleInput, response: { 200: AutomodRuleView, ...errorResponses(401, 403, 404) } } },
    async (request) => automod.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/moderation/automod/rules/:id',
    { config: staff, schema: { tags, summary: 'Delete an automod rule (staff)', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await automod.remove(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/moderation/automod/order',
    { config: staff, schema: { tags, summary: 'Set the order rules run in: every rule id once (staff)', body: RuleOrderBody, response: { 200: AutomodRuleList, ...errorResponses(401, 403) } } },
    async (request) => automod.reorder(request.principal, request.body.ids, request.ip),
  );

  r.post(
    '/api/moderation/automod/dry-run',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Run a rule over the posts of the last N days and see what it would have caught (staff); nothing changes',
        description: 'warning is set when the rule would catch more than the site\'s automodWarnShare of the posts.',
        body: DryRunBody,
        response: { 200: DryRunView, ...errorResponses(401, 403) },
      },
    },
    async (request) => automod.dryRun(request.principal, request.body),
  );
}
