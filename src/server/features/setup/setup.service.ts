// First run: while no admin exists, a one-time link lets the first visitor who has it become admin.
import type { AppContext } from '../../context';
import { AppError } from '../../platform/errors';
import { randomToken, sha256 } from '../../platform/safety/tokens';
import type { Accounts } from '../accounts';
import type { RequestMeta } from '../accounts';

const SETUP_HOURS = 24;

export function createSetupService(ctx: AppContext, accounts: Accounts) {
  let hasAdmin = false;

  const needsSetup = async (): Promise<boolean> => {
    if (hasAdmin) return false;
    hasAdmin = (await accounts.countAdmins()) > 0;
    return !hasAdmin;
  };

  return {
    needsSetup,

    /** A fresh setup link, or undefined once an admin exists. */
    async issueLink(): Promise<string | undefined> {
      if (!(await needsSetup())) return undefined;
      const token = randomToken();
      await accounts.tokens.insert('setup', sha256(token), null, new Date(Date.now() + SETUP_HOURS * 3600_000));
      return `${ctx.config.publicUrl}/setup?token=${encodeURIComponent(token)}`;
    },

    async isTokenValid(token: string | undefined): Promise<boolean> {
      if (!token || !(await needsSetup())) return false;
      return accounts.tokens.isLive('setup', sha256(token));
    },

    async complete(input: { token: string; username: string; email: string; password: string }, meta: RequestMeta) {
      if (!(await needsSetup())) throw new AppError('setup_complete', 'This community already has an admin; log in instead');
      // Claiming is atomic: of two requests racing with one link, only one gets to make an admin.
      const tokenHash = sha256(input.token);
      if (!(await accounts.tokens.claim('setup', tokenHash))) {
        throw new AppError('invalid_token', 'This setup link is not valid; restart Hearth or run `npx hearth setup-link` for a new one', { field: 'token' });
      }
      const created = await accounts.signup
        .createAccount(
          { username: input.username, email: input.email, password: input.password, acceptGuidelines: true },
          { role: 'admin', byStaff: true, actorId: null, ip: meta.ip },
        )
        .catch(async (error: unknown) => {
          // A refused attempt (a weak password, say) does not use up the link.
          await accounts.tokens.release('setup', tokenHash);
          throw error;
        });
      await accounts.tokens.retireAll('setup');
      hasAdmin = true;
      const session = await accounts.sessions.create(created.me.id, meta);
      return { me: created.me, session };
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
