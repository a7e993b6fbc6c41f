// Accounts: sign-up, sessions, API-key principals, recovery, profiles and staff account work.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { Role, TokenPurpose } from '../../platform/db/schema';
import type { SettingsService } from '../settings';
import { registerAccountsRoutes } from './accounts.routes';
import { countAdmins, findAccountById, findAccountByUsername } from './accounts.store';
import type { PeekViewer } from '../../platform/http/hot-lane';
import { peekSessionMember, registerAuthHook } from './auth.hook';
import { registerMembersRoutes } from './members.routes';
import { createMembersService, type MembersService } from './members.service';
import { CredentialResolver, type ApiKeyLookup } from './credentials';
import { createProfileService, type ProfileService } from './profile.service';
import { createRecoveryService, type RecoveryService } from './recovery.service';
import { registerRecoveryRoutes } from './recovery.routes';
import { createSessionsService, type SessionsService } from './sessions.service';
import { createSignupService, type SignupService } from './signup.service';
import { createStaffService, type StaffService } from './staff.service';
import { registerStaffRoutes } from './staff.routes';
import { consumeToken, insertToken, isTokenLive, releaseToken, retireTokens } from './tokens.store';

export { defineAccountJobs } from './accounts.jobs';
export { requestMeta } from './accounts.routes';
export { setSessionCookie, SESSION_COOKIE } from './auth.hook';
export { checkPassword } from './signup.service';
export type { ApiKeyLookup } from './credentials';
export type { RequestMeta } from './sessions.service';
export type { MeView, PublicMember } from './accounts.schema';

export interface AccountRef {
  id: number;
  username: string;
  role: Role;
}

export interface Accounts {
  resolver: CredentialResolver;
  signup: SignupService;
  sessions: SessionsService;
  profile: ProfileService;
  recovery: RecoveryService;
  staff: StaffService;
  members: MembersService;
  countAdmins(): Promise<number>;
  findByUsername(username: string): Promise<AccountRef | undefined>;
  findById(memberId: number): Promise<AccountRef | undefined>;
  tokens: {
    insert(purpose: TokenPurpose, tokenHash: string, memberId: number | null, expiresAt: Date): Promise<void>;
    isLive(purpose: TokenPurpose, tokenHash: string): Promise<boolean>;
    /** Atomically marks a live token used; false when it is unknown, used or expired. */
    claim(purpose: TokenPurpose, tokenHash: string): Promise<boolean>;
    release(purpose: TokenPurpose, tokenHash: string): Promise<void>;
    retireAll(purpose: TokenPurpose): Promise<void>;
  };
}

export function createAccounts(ctx: AppContext, settings: SettingsService, apiKeys: ApiKeyLookup): Accounts {
  const db = ctx.database.db;
  const resolver = new CredentialResolver(ctx, apiKeys);
  const signup = createSignupService(ctx, settings);
  return {
    resolver,
    signup,
    sessions: createSessionsService(ctx, settings),
    profile: createProfileService(ctx, resolver),
    recovery: createRecoveryService(ctx, settings, signup),
    staff: createStaffService(ctx),
    members: createMembersService(ctx),
    countAdmins: () => countAdmins(db),
    findByUsername: async (username) => {
      const row = await findAccountByUsername(db, username);
      return row ? { id: row.id, username: row.username, role: row.role } : undefined;
    },
    findById: async (memberId) => {
      const row = await findAccountById(db, memberId);
      return row ? { id: row.id, username: row.username, role: row.role } : undefined;
    },
    tokens: {
      insert: (purpose, tokenHash, memberId, expiresAt) => insertToken(db, { purpose, tokenHash, memberId, expiresAt }),
      isLive: (purpose, tokenHash) => isTokenLive(db, purpose, tokenHash),
      claim: async (purpose, tokenHash) => (await consumeToken(db, purpose, tokenHash)) !== undefined,
      release: (purpose, tokenHash) => releaseToken(db, purpose, tokenHash),
      retireAll: (purpose) => retireTokens(db, purpose, null),
    },
  };
}

/**
 * The authentication hook must be registered before any route and before rate limiting. Gives back how
 * the hot lane tells a request's member without waiting.
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext, accounts: Accounts): PeekViewer {
  registerAuthHook(app, accounts.resolver, ctx.config.publicUrl.startsWith('https:'), ctx.counters);
  return peekSessionMember(accounts.resolver);
}

export function registerAccounts(app: FastifyInstance, ctx: AppContext, accounts: Accounts): void {
  registerAccountsRoutes(app, ctx, accounts);
  registerRecoveryRoutes(app, accounts.recovery);
  registerStaffRoutes(app, accounts.staff);
  registerMembersRoutes(app, accounts.members);
}
