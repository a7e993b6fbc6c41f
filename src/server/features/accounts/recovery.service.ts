// Forgotten passwords and email confirmation, both through emailed one-time links.
import type { AppContext } from '../../context';
import { AppError } from '../../platform/errors';
import { hashPassword } from '../../platform/safety/passwords';
import { randomToken, sha256 } from '../../platform/safety/tokens';
import { sendMail } from '../../platform/mail/send';
import { insertAudit } from '../audit';
import type { SettingsService } from '../settings';
import { isSuspended } from './accounts.rules';
import { findAccountByEmail, findAccountById, markEmailConfirmed, updatePasswordHash } from './accounts.store';
import { deleteMemberSessions } from './sessions.store';
import { EMAIL_CONFIRMATION_HOURS, checkPassword, type SignupService } from './signup.service';
import { consumeToken, insertToken, retireTokens } from './tokens.store';

const RESET_MINUTES = 60;

export function createRecoveryService(ctx: AppContext, settings: SettingsService, signup: SignupService) {
  return {
    /** Always succeeds, so the answer never tells whether an email has an account. */
    async requestPasswordReset(email: string, ip: string): Promise<void> {
      const account = await findAccountByEmail(ctx.database.db, email);
      if (!account || isSuspended(account.suspended_until)) {
        ctx.logger.info({ ip }, 'password reset asked for an unknown or suspended email');
        return;
      }
      const token = randomToken();
      await insertToken(ctx.database.db, { purpose: 'password_reset', tokenHash: sha256(token), memberId: account.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
      const site = await settings.get();
      const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await sendMail(ctx, {
        to: account.email,
        subject: `Reset your ${site.siteName} password`,
        text: `Someone (hopefully you) asked to reset the password of ${account.username} on ${site.siteName}.\n\nChoose a new password here (valid for ${RESET_MINUTES} minutes):\n${link}\n\nIf you did not ask, ignore this message; your password stays as it is.`,
      });
    },

    async resetPassword(token: string, password: string, ip: string): Promise<void> {
      const memberId = await ctx.database.tx(async (trx) => {
        const used = await consumeToken(trx, 'password_reset', sha256(token));
        if (!used?.memberId) throw new AppError('invalid_token', 'This reset link is not valid any more; ask for a new one', { field: 'token' });
        const account = await findAccountById(trx, used.memberId);
        if (!account) throw new AppError('invalid_token', 'This reset link is not valid any more', { field: 'token' });
        checkPassword(password, { username: account.username, email: account.email });
        await updatePasswordHash(trx, account.id, await hashPassword(password));
        await deleteMemberSessions(trx, account.id);
        await retireTokens(trx, 'password_reset', account.id);
        await insertAudit(trx, { actorId: account.id, action: 'account.passwordReset', targetType: 'member', targetId: account.id, ip });
        return account.id;
      });
      await ctx.bus.emit('member.credentialsChanged', { memberId });
    },

    async confirmEmail(token: string): Promise<void> {
      const memberId = await ctx.database.tx(async (trx) => {
        const used = await consumeToken(trx, 'email_confirmation', sha256(token));
        if (!used?.memberId) throw new AppError('invalid_token', 'This confirmation link is not valid any more; ask for a new one', { field: 'token' });
        await markEmailConfirmed(trx, used.memberId);
        return used.memberId;
      });
      await ctx.bus.emit('member.credentialsChanged', { memberId });
    },

    /** Sends a fresh confirmation link; silent when there is nothing to confirm. */
    async resendConfirmation(email: string): Promise<void> {
      if (!ctx.mailer.delivers) return;
      const account = await findAccountByEmail(ctx.database.db, email);
      if (!account || account.email_confirmed_at !== null) return;
      const token = randomToken();
      await ctx.database.tx(async (trx) => {
        await retireTokens(trx, 'email_confirmation', account.id);
        await insertToken(trx, { purpose: 'email_confirmation', tokenHash: sha256(token), memberId: account.id, expiresAt: new Date(Date.now() + EMAIL_CONFIRMATION_HOURS * 3600_000) });
      });
      await signup.sendConfirmation(account, token);
    },
  };
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;
