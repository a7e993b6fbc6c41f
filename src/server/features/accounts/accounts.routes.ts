// HTTP for sign-up, sessions, the member's own account and public profiles.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NoContent, errorResponses } from '../../platform/http/schemas';
import { requireMember } from '../../platform/http/principal';
import type { AppContext } from '../../context';
import {
  LoginBody, MeView, PasswordChange, ProfilePatch, PublicMember, SessionView, SignupBody, SignupResponse, UsernameParam,
} from './accounts.schema';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from './auth.hook';
import type { ProfileService } from './profile.service';
import type { RequestMeta, SessionsService } from './sessions.service';
import type { SignupService } from './signup.service';

export interface AccountsRouteDeps {
  signup: SignupService;
  sessions: SessionsService;
  profile: ProfileService;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export function registerAccountsRoutes(app: FastifyInstance, ctx: AppContext, deps: AccountsRouteDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const secure = ctx.config.publicUrl.startsWith('https:');

  r.post(
    '/api/users',
    {
      config: { rateLimit: { max: ctx.config.signupsPerHour, timeWindow: 3_600_000, keyGenerator: (request: FastifyRequest) => `signup${request.ip}` } },
      schema: {
        tags: ['accounts'],
        summary: 'Sign up',
        description: 'Creates a member and signs them in (unless the email must be confirmed first). Requires accepting the guidelines.',
        body: SignupBody,
        response: { 201: SignupResponse, ...errorResponses(403, 409) },
      },
    },
    async (request, reply) => {
      const created = await deps.signup.createAccount(request.body, { role: 'member', byStaff: false, actorId: null, ip: request.ip });
      let csrfToken: string | null = null;
      if (!created.confirmationRequired && !created.approvalRequired) {
        const session = await deps.sessions.create(created.me.id, requestMeta(request));
        setSessionCookie(reply, session.token, session.expiresAt, secure);
        csrfToken = session.csrfToken;
      }
      return reply.code(201).send({ ...created.me, csrfToken, emailConfirmationRequired: created.confirmationRequired, approvalRequired: created.approvalRequired });
    },
  );

  r.get(
    '/api/users/:username',
    { schema: { tags: ['accounts'], summary: 'A member\'s public profile', params: UsernameParam, response: { 200: PublicMember, ...errorResponses(404) } } },
    async (request) => deps.profile.publicProfile(request.params.username),
  );

  r.post(
    '/api/session',
    { schema: { tags: ['accounts'], summary: 'Log in with a username or email and a password', body: LoginBody, response: { 200: SessionView, ...errorResponses(401, 403) } } },
    async (request, reply) => {
      const { session, me } = await deps.sessions.login(request.body, requestMeta(request));
      setSessionCookie(reply, session.token, session.expiresAt, secure);
      return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), member: me };
    },
  );

  r.get(
    '/api/session',
    { config: { auth: 'member' }, schema: { tags: ['accounts'], summary: 'The current session and its CSRF token', response: { 200: SessionView, ...errorResponses(401) } } },
    async (request) => {
      const principal = requireMember(request.principal);
      const me = await deps.profile.me(principal);
      return { csrfToken: principal.csrfToken ?? '', expiresAt: principal.sessionExpiresAt?.toISOString() ?? new Date(0).toISOString(), member: me };
    },
  );

  r.delete(
    '/api/session',
    { config: { auth: 'member' }, schema: { tags: ['accounts'], summary: 'Log out', response: { 204: NoContent, ...errorResponses(401, 403) } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deps.sessions.logout(token);
      clearSessionCookie(reply, secure);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/me',
    { config: { auth: 'member' }, schema: { tags: ['accounts'], summary: 'The signed-in member', response: { 200: MeView, ...errorResponses(401) } } },
    async (request) => deps.profile.me(request.principal),
  );

  r.patch(
    '/api/me',
    {
      config: { auth: 'member' },
      schema: { tags: ['accounts'], summary: 'Edit your profile', body: ProfilePatch, response: { 200: MeView, ...errorResponses(401, 403) } },
    },
    async (request) => deps.profile.update(request.principal, request.body),
  );

  r.post(
    '/api/me/password',
    {
      config: { auth: 'member', rateLimit: { max: 10, timeWindow: 15 * 60_000 } },
      schema: {
        tags: ['accounts'],
        summary: 'Change your password',
        description: 'Ends every other session of the member.',
        body: PasswordChange,
        response: { 204: NoContent, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await deps.profile.changePassword(request.principal, request.body.currentPassword, request.body.newPassword, request.ip);
      return reply.code(204).send(null);
    },
  );
}
