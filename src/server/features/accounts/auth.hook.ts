// Authenticates every request (session cookie or bearer API key) and enforces the route's auth mode,
// CSRF for cookie sessions and the scope of API keys, before the body is even validated.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import type { ApiKeyScope } from '../../platform/db/schema';
import type { CounterStore } from '../../platform/http/counters';
import type { PeekViewer } from '../../platform/http/hot-lane';
import type { Principal } from '../../platform/http/principal';
import { constantTimeEqual } from '../../platform/safety/tokens';
import type { CredentialResolver } from './credentials';

export const SESSION_COOKIE = 'hearth_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const scopeRank: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Unknown keys and session tokens allowed per IP address and minute before it gets 429. */
export const BAD_CREDENTIALS_PER_MINUTE = 30;

interface AuthDeps {
  resolver: CredentialResolver;
  secureCookies: boolean;
  counters: CounterStore;
}

/** Counts a credential that matched nothing; past the limit the address must wait (guessing stays slow). */
async function countMiss(request: FastifyRequest, counters: CounterStore): Promise<void> {
  const { count, resetInMs } = await counters.increment(`badcred:${request.ip}`, 60_000);
  if (count > BAD_CREDENTIALS_PER_MINUTE) {
    const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
    throw new AppError('rate_limited', `Too many invalid credentials; try again in ${seconds} s`, { headers: { 'retry-after': String(seconds) } });
  }
}

async function authenticate(request: FastifyRequest, reply: FastifyReply, deps: AuthDeps): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <api key>"');
    const credential = await deps.resolver.fromApiKey(match[1]);
    if (!credential) {
      await countMiss(request, deps.counters);
      throw new AppError('unauthorized', 'The API key is not valid, was revoked, or its member is suspended');
    }
    return credential.principal;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const credential = await deps.resolver.fromSessionToken(token);
  if (!credential) {
    clearSessionCookie(reply, deps.secureCookies);
    await countMiss(request, deps.counters);
    return null;
  }
  return credential.principal;
}

function enforce(request: FastifyRequest, principal: Principal | null): void {
  const config = request.routeOptions.config;
  if (!principal) {
    if (config.auth === 'member') throw new AppError('unauthorized', 'Sign in first');
    return;
  }
  const isSafe = SAFE_METHODS.has(request.method);
  if (principal.via === 'session' && !isSafe && config.csrf !== false) {
    const header = request.headers['x-csrf-token'];
    const sent = typeof header === 'string' ? header : '';
    if (!principal.csrfToken || !constantTimeEqual(sent, principal.csrfToken)) {
      throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header; get the token from GET /api/session');
    }
  }
  if (principal.via === 'apiKey') {
    const required: ApiKeyScope = config.scope ?? (isSafe ? 'read' : 'write');
    if (scopeRank[principal.scope] < scopeRank[required]) {
      throw new AppError('insufficient_scope', `This API key has the ${principal.scope} scope; this call needs ${required}`);
    }
  }
}

export function registerAuthHook(app: FastifyInstance, resolver: CredentialResolver, secureCookies: boolean, counters: CounterStore): void {
  const deps: AuthDeps = { resolver, secureCookies, counters };
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const principal = await authenticate(request, reply, deps);
    request.principal = principal;
    enforce(request, principal);
  });
}

/**
 * For the hot lane: the member behind a request's session cookie if the credential cache holds it fresh,
 * null without a session cookie (a guest, as authenticate() has it), undefined when only a lookup can tell.
 */
export function peekSessionMember(resolver: CredentialResolver): PeekViewer {
  return (request) => {
    const header = request.headers.cookie;
    if (header === undefined || !header.includes(SESSION_COOKIE)) return null;
    // The parser @fastify/cookie gives request.cookies, so both read the same token.
    const token = cookie.parse(header)[SESSION_COOKIE];
    if (!token) return null;
    return resolver.peekSession(token)?.memberId;
  };
}
