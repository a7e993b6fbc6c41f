import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import type { AppContext } from '../../context';
import { requestMeta, setSessionCookie } from '../accounts';
import { SetupBody, SetupResponse, SetupStatus, SetupStatusQuery } from './setup.schema';
import type { SetupService } from './setup.service';

export function registerSetupRoutes(app: FastifyInstance, ctx: AppContext, setup: SetupService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const secure = ctx.config.publicUrl.startsWith('https:');

  r.get(
    '/api/setup',
    { schema: { tags: ['setup'], summary: 'Whether first-run setup is open, and whether a setup token is valid', querystring: SetupStatusQuery, response: { 200: SetupStatus, ...errorResponses() } } },
    async (request) => ({ needsSetup: await setup.needsSetup(), tokenValid: await setup.isTokenValid(request.query.token) }),
  );

  r.post(
    '/api/setup',
    {
      config: { rateLimit: { max: 20, timeWindow: 3_600_000 } },
      schema: { tags: ['setup'], summary: 'Create the first admin with the one-time setup token', body: SetupBody, response: { 201: SetupResponse, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const { me, session } = await setup.complete(request.body, requestMeta(request));
      setSessionCookie(reply, session.token, session.expiresAt, secure);
      return reply.code(201).send({ id: me.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), member: me });
    },
  );
}
