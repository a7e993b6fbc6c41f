// HTTP for GitHub links (staff link, create, unlink; members read) and the integration's admin settings.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { LinkIssueBody, TopicLinkView } from './bugs.schema';
import { GitHubSettingsBody, GitHubSettingsView } from './github-settings.schema';
import type { GitHubSettings } from './github-settings.service';
import type { LinksService } from './links.service';

export function registerLinkRoutes(app: FastifyInstance, links: LinksService, settings: GitHubSettings): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['bugs'];

  r.get(
    '/api/topics/:id/github-link',
    { schema: { tags, summary: 'The GitHub issue a topic is linked to, and its sync state', params: IdParam, response: { 200: TopicLinkView, ...errorResponses(404) } } },
    async (request) => links.read(request.principal, request.params.id),
  );

  r.put(
    '/api/topics/:id/github-link',
    {
      config: { auth: 'member' },
      schema: {
        tags,
        summary: 'Link a bug report or an idea to a GitHub issue (staff)',
        description:
          '`{url}` links an existing issue; `{create: true, repo?}` creates one through the GitHub API (repo defaults to the admin setting). ' +
          'When GitHub times out or answers 5xx, the link is kept with syncState pending and a job retries with backoff. ' +
          'Topics outside bugs and ideas spaces: 409 not_linkable; no token: 409 github_not_configured; GitHub refused: 502 github_failed.',
        params: IdParam,
        body: LinkIssueBody,
        response: { 200: TopicLinkView, ...errorResponses(401, 403, 404, 409, 502) },
      },
    },
    async (request) => links.link(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/topics/:id/github-link',
    { config: { auth: 'member' }, schema: { tags, summary: 'Unlink a topic from its GitHub issue (staff)', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) } } },
    async (request, reply) => {
      await links.unlink(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/admin/github',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: { tags: ['admin'], summary: 'The GitHub integration settings (admins; secrets only as set or not)', response: { 200: GitHubSettingsView, ...errorResponses(401, 403) } },
    },
    async (request) => settings.read(request.principal),
  );

  r.put(
    '/api/admin/github',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Change the GitHub integration settings (admins)',
        description: 'The webhook secret and the token are write-only: set them, or null to clear; the answer only says whether they are set. Environment variables win over these. Audited without the values.',
        body: GitHubSettingsBody,
        response: { 200: GitHubSettingsView, ...errorResponses(401, 403) },
      },
    },
    async (request) => settings.update(request.principal, request.body, request.ip),
  );
}
