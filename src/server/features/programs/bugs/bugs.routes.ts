// HTTP for bug reports: report through the template, read, list a space's reports, close/reopen, vote.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { HeldPostView } from '../../discussions';
import { BugReportBody, BugReportListQuery, BugReportPage, BugReportView, BugStatusBody, BugVoteView } from './bugs.schema';
import type { BugsService } from './bugs.service';

export function registerBugRoutes(app: FastifyInstance, bugs: BugsService, postsPerMinute: number): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['bugs'];

  r.post(
    '/api/bug-reports',
    {
      config: { auth: 'member', rateLimit: { max: postsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Report a bug in a bugs space',
        description: 'Starts a topic whose first post holds the template (steps, expected, actual, version) under headings. 201 with the report, or 202 when moderation holds it for review. A space of another kind: 409 not_bugs_space.',
        body: BugReportBody,
        response: { 201: BugReportView, 202: HeldPostView, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await bugs.create(request.principal, request.body);
      return reply.code('reason' in created ? 202 : 201).send(created);
    },
  );

  r.get(
    '/api/bug-reports/:id',
    { schema: { tags, summary: 'A bug report: its fields, status, votes and GitHub link (id: the topic id)', params: IdParam, response: { 200: BugReportView, ...errorResponses(404) } } },
    async (request) => bugs.get(request.principal, request.params.id),
  );

  r.get(
    '/api/spaces/:id/bug-reports',
    {
      schema: {
        tags,
        summary: 'The open or closed bug reports of a bugs space, newest first',
        params: IdParam,
        querystring: BugReportListQuery,
        response: { 200: BugReportPage, ...errorResponses(404, 409) },
      },
    },
    async (request) => bugs.list(request.principal, request.params.id, request.query),
  );

  r.put(
    '/api/bug-reports/:id/status',
    {
      config: { auth: 'member' },
      schema: {
        tags,
        summary: 'Close or reopen a bug report (staff)',
        description: 'Tells its reporter, voters and followers, and comments on the linked GitHub issue (through a job: "sync pending" until it is done). Audited.',
        params: IdParam,
        body: BugStatusBody,
        response: { 200: BugReportView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => bugs.setStatus(request.principal, request.params.id, request.body, request.ip),
  );

  r.post(
    '/api/bug-reports/:id/vote',
    { config: { auth: 'member' }, schema: { tags, summary: 'Say the bug affects you too', params: IdParam, response: { 200: BugVoteView, ...errorResponses(401, 403, 404) } } },
    async (request) => bugs.vote(request.principal, request.params.id),
  );

  r.delete(
    '/api/bug-reports/:id/vote',
    { config: { auth: 'member' }, schema: { tags, summary: 'Take back your "affects me too"', params: IdParam, response: { 200: BugVoteView, ...errorResponses(401, 403, 404) } } },
    async (request) => bugs.unvote(request.principal, request.params.id),
  );
}
