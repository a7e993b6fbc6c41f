import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { MemberModerationView, MemberNoteView, MyModerationView, NoteBody } from './member-page.schema';
import type { MemberPageService } from './member-page.service';

export function registerMemberPageRoutes(app: FastifyInstance, pages: MemberPageService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };
  const tags = ['moderation'];

  r.get(
    '/api/moderation/members/:id',
    {
      config: member,
      schema: { tags, summary: 'A member\'s moderation page: flags given and received, items, sanctions, appeals, notes (staff)', params: IdParam, response: { 200: MemberModerationView, ...errorResponses(401, 403, 404) } },
    },
    async (request) => pages.page(request.principal, request.params.id),
  );

  r.post(
    '/api/moderation/members/:id/notes',
    { config: member, schema: { tags, summary: 'Add a private moderator note about a member (staff)', params: IdParam, body: NoteBody, response: { 201: MemberNoteView, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => reply.code(201).send(await pages.addNote(request.principal, request.params.id, request.body.body, request.ip)),
  );

  r.get(
    '/api/me/moderation',
    { config: member, schema: { tags, summary: 'Your posts moderation holds or removed (and why), your sanctions and appeals', response: { 200: MyModerationView, ...errorResponses(401) } } },
    async (request) => pages.mine(request.principal),
  );
}
