// HTTP for announcements: staff manage them; everyone reads the active ones; members dismiss them.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../../platform/http/schemas';
import { ActiveAnnouncements, AnnouncementBody, AnnouncementList, AnnouncementPatch, AnnouncementView } from './announcements.schema';
import type { AnnouncementsService } from './announcements.service';

export function registerAnnouncementRoutes(app: FastifyInstance, announcements: AnnouncementsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['announcements'];
  const member = { auth: 'member' as const };

  r.post(
    '/api/announcements',
    {
      config: member,
      schema: {
        tags,
        summary: 'Post a site-wide announcement (staff; audited)',
        description: 'Shown from startsAt (default now) until endsAt (default: until deleted) to its audience; endsAt not after startsAt: 400.',
        body: AnnouncementBody,
        response: { 201: AnnouncementView, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await announcements.create(request.principal, request.body, request.ip)),
  );

  r.get(
    '/api/announcements',
    { config: member, schema: { tags, summary: 'Every announcement, latest start first (staff)', response: { 200: AnnouncementList, ...errorResponses(401, 403) } } },
    async (request) => announcements.list(request.principal),
  );

  r.get(
    '/api/announcements/active',
    {
      schema: {
        tags,
        summary: 'The announcements to show the viewer now',
        description: 'Guests get those for everyone (they dismiss them in the browser); members also get those for members, without the ones they dismissed.',
        response: { 200: ActiveAnnouncements },
      },
    },
    async (request) => announcements.active(request.principal),
  );

  r.patch(
    '/api/announcements/:id',
    {
      config: member,
      schema: { tags, summary: 'Change an announcement, e.g. end it now with endsAt (staff; audited)', params: IdParam, body: AnnouncementPatch, response: { 200: AnnouncementView, ...errorResponses(401, 403, 404) } },
    },
    async (request) => announcements.update(request.principal, request.params.id, request.body, request.ip),
  );

  r.delete(
    '/api/announcements/:id',
    { config: member, schema: { tags, summary: 'Delete an announcement (staff; audited)', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await announcements.remove(request.principal, request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/announcements/:id/dismiss',
    { config: { ...member, rateLimit: { max: 60, timeWindow: 60_000 } }, schema: { tags, summary: 'Stop showing an announcement to me', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await announcements.dismiss(request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
