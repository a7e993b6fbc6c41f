import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import { DigestRunResult, EmailPreferencesBody, EmailPreferencesView, UnsubscribeBody, UnsubscribePreview, UnsubscribePreviewQuery, UnsubscribeQuery, UnsubscribeResult } from './digests.schema';
import type { DigestsService } from './digests.service';
import type { PreferencesService } from './preferences.service';

const FORM = 'application/x-www-form-urlencoded';

export function registerDigestRoutes(app: FastifyInstance, preferences: PreferencesService, digests: DigestsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['email'];

  r.get(
    '/api/me/email-preferences',
    { config: { auth: 'member' }, schema: { tags, summary: 'The viewer\'s email digest and notification email preferences', response: { 200: EmailPreferencesView, ...errorResponses(401) } } },
    async (request) => preferences.get(request.principal),
  );

  r.put(
    '/api/me/email-preferences',
    {
      config: { auth: 'member' },
      schema: { tags, summary: 'Set the viewer\'s email preferences', body: EmailPreferencesBody, response: { 200: EmailPreferencesView, ...errorResponses(401, 403) } },
    },
    async (request) => preferences.set(request.principal, request.body),
  );

  r.get(
    '/api/email/unsubscribe',
    {
      schema: {
        tags,
        summary: 'What an emailed unsubscribe link would turn off (changes nothing)',
        querystring: UnsubscribePreviewQuery,
        response: { 200: UnsubscribePreview, ...errorResponses() },
      },
    },
    async (request) => preferences.preview(request.query.token),
  );

  r.post(
    '/api/admin/digests/send',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: { tags: ['admin'], summary: 'Send the digests that are due now (a background job)', response: { 202: DigestRunResult, ...errorResponses(401, 403) } },
    },
    async (request, reply) => reply.code(202).send(await digests.queueRun(request.principal)),
  );

  // Mail clients post the RFC 8058 form body from their servers, with no session: the signed token is
  // the credential, so the route skips CSRF, and only this route reads form bodies.
  void app.register(async (scope) => {
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/email/unsubscribe',
      {
        config: { csrf: false },
        schema: {
          tags,
          summary: 'Turn off the emails an unsubscribe link names (one-click, RFC 8058)',
          description:
            'No login: the signed token is the credential, in the body (`{"token"}`) or in the URL as the List-Unsubscribe header gives it, ' +
            `with the ${FORM} body \`List-Unsubscribe=One-Click\`. Repeating it is harmless.`,
          consumes: ['application/json', FORM],
          querystring: UnsubscribeQuery,
          body: UnsubscribeBody,
          response: { 200: UnsubscribeResult, ...errorResponses() },
        },
      },
      async (request) => preferences.unsubscribe(request.body.token ?? request.query.token, request.ip),
    );
  });
}
