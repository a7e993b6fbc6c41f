// Logging in and out. A session is a random token in an httpOnly cookie; the database keeps its hash.
import type { AppContext } from '../../context';
import { AppError } from '../../platform/errors';
import { randomToken, sha256 } from '../../platform/safety/tokens';
import { verifyPassword } from '../../platform/safety/passwords';
import type { SettingsService } from '../settings';
import type { LoginBody, MeView } from './accounts.schema';
import { toMeView } from './accounts.presenter';
import { LOGIN_FAILURE_WINDOW_MS, isLoginBlocked, isSuspended, loginThrottleKeys } from './accounts.rules';
import { findAccountByLogin } from './accounts.store';
import { deleteSessionByHash, insertSession } from './sessions.store';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionsService {
  create(memberId: number, meta: RequestMeta): Promise<NewSession>;
  login(body: LoginBody, meta: RequestMeta): Promise<{ session: NewSession; me: MeView }>;
  logout(token: string): Promise<void>;
}

export function createSessionsService(ctx: AppContext, settings: SettingsService): SessionsService {
  const create = async (memberId: number, meta: RequestMeta): Promise<NewSession> => {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 24 * 3600 * 1000);
    await insertSession(ctx.database.db, { tokenHash: sha256(token), memberId, csrfToken, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 400) ?? null, expiresAt });
    return { token, csrfToken, expiresAt };
  };

  return {
    create,

    async login(body, meta) {
      const account = await findAccountByLogin(ctx.database.db, body.login);
      const keys = loginThrottleKeys(body.login, account?.id, meta.ip);
      const [accountFailures, ipFailures] = await Promise.all([ctx.counters.peek(keys.account), ctx.counters.peek(keys.ip)]);
      if (isLoginBlocked(accountFailures.count, ipFailures.count)) {
        const seconds = Math.max(1, Math.ceil(Math.max(accountFailures.resetInMs, ipFailures.resetInMs) / 1000));
        throw new AppError('rate_limited', `Too many failed logins; try again in ${Math.ceil(seconds / 60)} minutes`, { headers: { 'retry-after': String(seconds) } });
      }
      const isValid = await verifyPassword(account?.password_hash, body.password);
      if (!account || !isValid) {
        await Promise.all([ctx.counters.increment(keys.account, LOGIN_FAILURE_WINDOW_MS), ctx.counters.increment(keys.ip, LOGIN_FAILURE_WINDOW_MS)]);
        throw new AppError('invalid_credentials', 'Wrong username, email or password');
      }
      await ctx.counters.reset(keys.account);
      if (account.approval_pending) throw new AppError('account_pending', 'Your account waits for a moderator\'s approval; you will be able to sign in once it is approved');
      if (isSuspended(account.suspended_until)) {
        throw new AppError('account_suspended', `This account is suspended until ${account.suspended_until?.toISOString() ?? ''}`);
      }
      const site = await settings.get();
      if (site.requireEmailConfirmation && ctx.mailer.delivers && account.email_confirmed_at === null) {
        throw new AppError('email_unconfirmed', 'Confirm your email first: follow the link we sent you');
      }
      return { session: await create(account.id, meta), me: toMeView(account) };
    },

    async logout(token) {
      const tokenHash = sha256(token);
      const memberId = await deleteSessionByHash(ctx.database.db, tokenHash);
      if (memberId !== undefined) await ctx.bus.emit('session.revoked', { tokenHash, memberId });
    },
  };
}
