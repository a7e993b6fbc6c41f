// HTTP for finding members by name.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import { MemberSuggestQuery, MemberSuggestionList } from './members.schema';
import type { MembersService } from './members.service';

export function registerMembersRoutes(app: FastifyInstance, members: MembersService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/members/autocomplete',
    {
      // Typing asks once per pause; this leaves room for a fast typist and stops anyone from walking the member list.
      config: { auth: 'member', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags: ['accounts'],
        summary: 'Members whose username or display name starts with the text (for @mentions)',
        description: 'Up to 8, usernames that match first. Deleted and suspended members are left out.',
        querystring: MemberSuggestQuery,
        response: { 200: MemberSuggestionList, ...errorResponses(401) },
      },
    },
    async (request) => members.suggest(request.principal, request.query.q),
  );
}
