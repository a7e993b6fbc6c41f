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
