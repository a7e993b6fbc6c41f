// Who is making a request. Services take it as `actor` and check rights before reading or writing.
import type { ApiKeyScope, Role } from '../db/schema';
import { AppError } from '../errors';

export interface Principal {
  memberId: number;
  username: string;
  role: Role;
  trustLevel: number;
  emailConfirmed: boolean;
  via: 'session' | 'apiKey';
  /** Session principals act with the full rights of their role; API keys are capped by their scope. */
  scope: ApiKeyScope;
  sessionId: number | undefined;
  sessionExpiresAt: Date | undefined;
  csrfToken: string | undefined;
  credentialHash: string;
}

export type Actor = Principal | null;

/**
 * A member as the server itself acts for them (a job, a seed, asking what a notice's recipient may
 * see): no session or API key behind it; `scope` caps what it may do like a key's would.
 */
export function memberPrincipal(member: { memberId: number; username: string; role: Role; trustLevel: number }, scope: ApiKeyScope): Principal {
  return {
    memberId: member.memberId, username: member.username, role: member.role, trustLevel: member.trustLevel, emailConfirmed: true, via: 'session', scope,
    sessionId: undefined, sessionExpiresAt: undefined, csrfToken: undefined, credentialHash: '',
  };
}

export type AuthMode = 'public' | 'member';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `member`: 401 without credentials. Default `public`. */
    auth?: AuthMode;
    /** API keys need this scope (default: read for GET/HEAD, write otherwise). */
    scope?: ApiKeyScope;
    /** false: no CSRF check, for routes whose request carries its own credential (a signed emailed token). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const roleRank: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor !== null && roleRank[actor.role] >= roleRank[role];
}

export function requireMember(actor: Actor): Principal {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  return actor;
}

export function requireRole(actor: Actor, role: Role, message: string): Principal {
  const member = requireMember(actor);
  if (!hasRole(member, role)) throw new AppError('forbidden', message);
  return member;
}
