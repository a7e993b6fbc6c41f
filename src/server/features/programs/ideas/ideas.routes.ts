// HTTP for ideas boards: votes, an idea's state, staff statuses and merges, listings and the roadmap.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { IdeaListQuery, IdeaMergeBody, IdeaMergeView, IdeaPage, IdeaStatusBody, IdeaView, IdeaVoteView, RoadmapQuery, RoadmapView } from './ideas.schema';
import type { IdeaStatusService } from './ideas-status.service';
import type { IdeasService } from './ideas.service';

export function registerIdeaRoutes(app: FastifyInstance, ideas: IdeasService, status: IdeaStatusService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['ideas'];
  const voteLimit = { max: 120, timeWindow: 60_000 };
  // Staff calls: an API key needs the admin scope, as for every other staff write.
  const staff = { auth: 'member' as const, scope: 'admin' as const, rateLimit: { max: 60, timeWindow: 60_000 } };

  r.post(
    '/api/ideas/:id/vote',
    {
      config: { auth: 'member', rateLimit: voteLimit },
      schema: {
        tags,
        summary: 'Vote for an idea',
        description: 'One vote per member and idea. Again: 409 already_voted; a topic outside an ideas board: 409 not_ideas_space; a merged duplicate: 409 idea_merged.',
        params: IdParam,
        response: { 200: IdeaVoteView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => ideas.vote(request.principal, request.params.id),
  );

  r.delete(
    '/api/ideas/:id/vote',
    {
      config: { auth: 'member', rateLimit: voteLimit },
      schema: {
        tags,
        summary: 'Take back your vote for an idea',
        description: 'Without a vote: 409 not_voted.',
        params: IdParam,
        response: { 200: IdeaVoteView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => ideas.unvote(request.principal, request.params.id),
  );

  r.get(
    '/api/ideas/:id',
    {
      schema: {
        tags,
        summary: 'An idea: votes, the viewer\'s vote, status with its public comment and history, merges',
        params: IdParam,
        response: { 200: IdeaView, ...errorResponses(404, 409) },
      },
    },
    async (request) => ideas.get(request.principal, request.params.id),
  );

  r.put(
    '/api/ideas/:id/status',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Set an idea\'s status with a public comment (staff)',
        description: 'Voters and the author get a notice when the status changes; the same status with a new comment only updates the comment. declined needs a comment; duplicate is set by merging.',
        params: IdParam,
        body: IdeaStatusBody,
        response: { 200: IdeaView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => status.setStatus(request.principal, request.params.id, request.body, request.ip),
  );

  r.post(
    '/api/ideas/:id/merge',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Merge a duplicate idea into the one it repeats (staff)',
        description: 'Its votes move to that idea (a member who voted on both keeps one vote), it becomes duplicate pointing there and is closed; its voters and author get a notice.',
        params: IdParam,
        body: IdeaMergeBody,
        response: { 200: IdeaMergeView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => status.merge(request.principal, request.params.id, request.body, request.ip),
  );

  r.get(
    '/api/spaces/:id/ideas',
    {
      schema: {
        tags,
        summary: 'The ideas of an ideas board',
        description: 'sort=votes (default), trending (votes of the last 14 days, recent ones weighing more) or new; status filters (default: all but duplicate).',
        params: IdParam,
        querystring: IdeaListQuery,
        response: { 200: IdeaPage, ...errorResponses(404, 409) },
      },
    },
    async (request) => ideas.list(request.principal, request.params.id, request.query),
  );

  r.get(
    '/api/spaces/:id/roadmap',
    {
      schema: {
        tags,
        summary: 'An ideas board\'s roadmap: under review, planned, in progress and done, most voted first',
        params: IdParam,
        querystring: RoadmapQuery,
        response: { 200: RoadmapView, ...errorResponses(404, 409) },
      },
    },
    async (request) => ideas.roadmap(request.principal, request.params.id, request.query),
  );
}
