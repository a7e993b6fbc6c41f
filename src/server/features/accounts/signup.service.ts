// Creating accounts: self-service sign-up, the first admin, and admins made from the shell.
import type { AppContext } from '../../context';
import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/db/schema';
import { isBanned } from '../moderation/sanctions/sanctions.store';
import { holdForApproval } from './approval.store';
import { AppError, pgConstraint, pgCodes, pgErrorCode } from '../../platform/errors';
import { hashPassword } from '../../platform/safety/passwords';
import { randomToken, sha256 } from '../../platform/safety/tokens';
import { sendMail } from '../../platform/mail/send';
import { recordActivity } from '../activities';
import { insertAudit } from '../audit';
import type { SettingsService } from '../settings';
import type { MeView, SignupBody } from './accounts.schema';
import { toMeView } from './accounts.presenter';
import { applicantMail, isReservedUsername, passwordProblem } from './accounts.rules';
import { findAccountByEmail, findAccountById, findAccountByUsername, insertMemberWithAccount } from './accounts.store';
import { insertToken } from './tokens.store';

export interface CreateAccountOptions {
  role: Role;
  /** Staff-created accounts skip the open-sign-up setting and count as confirmed. */
  byStaff: boolean;
  actorId: number | null;
  ip: string | null;
}

export interface CreatedAccount {
  me: MeView;
  /** Whether the member must confirm the emailed link before logging in. */
  confirmationRequired: boolean;
  /** Whether a moderator must approve the account first (approveSignups). */
  approvalRequired: boolean;
}

export const EMAIL_CONFIRMATION_HOURS = 72;

/**
 * Programs (invites) extend self-service sign-up: runs in the sign-up's transaction once the member
 * row exists; throwing an AppError refuses the sign-up and nothing is written. Not run for accounts
 * made by staff.
 */
export type SignupExtension = (trx: Queryable, input: SignupBody, memberId: number) => Promise<void>;

/** Throws weak_password naming `field`, the request field that holds the password. */
export function checkPassword(password: string, context: { username?: string; email?: string }, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('weak_password', problem, { field });
}

export function createSignupService(ctx: AppContext, settings: SettingsService) {
  const extensions: SignupExtension[] = [];

  async function assertAvailable(username: string, email: string): Promise<void> {
    if (isReservedUsername(username)) throw new AppError('username_taken', `The username ${username} is reserved`, { field: 'username' });
    if (await findAccountByUsername(ctx.database.db, username)) throw new AppError('username_taken', `The username ${username} is taken`, { field: 'username' });
    if (await findAccountByEmail(ctx.database.db, email)) throw new AppError('email_taken', 'An account with this email already exists', { field: 'email' });
  }

  async function sendConfirmation(me: { id: number; email: string }, token: string): Promise<void> {
    const link = `${ctx.config.publicUrl}/confirm-email?token=${encodeURIComponent(token)}`;
    const site = await settings.get();
    await sendMail(ctx, {
      to: me.email,
      subject: `Confirm your email for ${site.siteName}`,
      text: `Welcome to ${site.siteName}!\n\nConfirm your email address by opening this link (valid for ${EMAIL_CONFIRMATION_HOURS} hours):\n${link}\n\nIf you did not sign up, ignore this message.`,
    });
  }

  async function createAccount(input: SignupBody, options: CreateAccountOptions): Promise<CreatedAccount> {
    const site = await settings.get();
    // Closed sign-ups still let invited people in: the invite extension refuses a code that is not valid.
    const invited = input.inviteCode !== undefined && extensions.length > 0;
    if (!options.byStaff && !site.allowSignups && !invited) throw new AppError('forbidden', 'Sign-ups are closed on this community; you need an invite link');
    if (!input.acceptGuidelines) {
      throw new AppError('guidelines_not_accepted', 'You must accept the community guidelines to join', { field: 'acceptGuidelines' });
    }
    checkPassword(input.password, input);
    if (!options.byStaff && (await isBanned(ctx.database.db, { email: input.email, ...(options.ip ? { ip: options.ip } : {}) }, new Date()))) {
      throw new AppError('account_banned', 'Sign-ups from this email or network are blocked by a ban');
    }
    await assertAvailable(input.username, input.email);
    const passwordHash = await hashPassword(input.password);
    const confirmationPending = ctx.mailer.delivers && !options.byStaff;
    const needsApproval = site.approveSignups && !options.byStaff;
    const confirmationToken = confirmationPending ? randomToken() : undefined;
    let memberId: number;
    let reviewItem: number | null;
    try {
      ({ id: memberId, reviewItem } = await ctx.database.tx(async (trx) => {
        const id = await insertMemberWithAccount(trx, {
          username: input.username,
          email: input.email.trim(),
          passwordHash,
          displayName: input.displayName?.trim() || input.username,
          role: options.role,
          // Everyone starts at trust level 0 and earns the next levels by taking part (moderation/trust).
          trustLevel: 0,
          emailConfirmed: !confirmationPending,
          guidelinesVersion: site.guidelinesVersion,
        });
        await recordActivity(trx, { memberId: id, kind: 'member.joined', props: { via: options.byStaff ? 'staff' : 'signup' } });
        const reviewItem = needsApproval ? await holdForApproval(trx, id, { email: input.email.trim(), ip: options.ip }) : null;
        // programs: invite codes (programs/invites) are redeemed here, atomically with the account.
        if (!options.byStaff) for (const extend of extensions) await extend(trx, input, id);
        if (confirmationToken) {
          await insertToken(trx, { purpose: 'email_confirmation', tokenHash: sha256(confirmationToken), memberId: id, expiresAt: new Date(Date.now() + EMAIL_CONFIRMATION_HOURS * 3600_000) });
        }
        if (options.role !== 'member' || options.byStaff) {
          await insertAudit(trx, { actorId: options.actorId, action: 'account.create', targetType: 'member', targetId: id, after: { username: input.username, role: options.role }, ip: options.ip });
        }
        return { id, reviewItem };
      }));
    } catch (error) {
      throw translateUniqueViolation(error);
    }
    const account = await findAccountById(ctx.database.db, memberId);
    if (!account) throw new Error('account vanished after creation');
    const me = toMeView(account);
    await ctx.bus.emit('member.joined', { memberId, username: me.username });
    if (reviewItem !== null) await ctx.bus.emit('review.changed', { itemId: reviewItem, kind: 'signup', spaceId: null, change: 'added' });
    if (confirmationToken) await sendConfirmation(me, confirmationToken);
    return { me, confirmationRequired: confirmationPending && site.requireEmailConfirmation, approvalRequired: needsApproval };
  }

  /** Adds a step to self-service sign-up's transaction (see SignupExtension). */
  function extend(extension: SignupExtension): void {
    extensions.push(extension);
  }

  /** Tells someone whose sign-up waited for approval how it was decided, by email (they have no other way in). */
  async function tellApplicant(memberId: number, approved: boolean, reason: string): Promise<void> {
    const account = await findAccountById(ctx.database.db, memberId);
    if (!account) return;
    const site = await settings.get();
    await sendMail(ctx, applicantMail({ siteName: site.siteName, publicUrl: ctx.config.publicUrl }, { username: account.username, email: account.email }, approved, reason));
  }

  return { createAccount, sendConfirmation, extend, tellApplicant };
}

export type SignupService = ReturnType<typeof createSignupService>;

function translateUniqueViolation(error: unknown): unknown {
  if (pgErrorCode(error) !== pgCodes.uniqueViolation) return error;
  const constraint = pgConstraint(error) ?? '';
  if (constraint.includes('email')) return new AppError('email_taken', 'An account with this email already exists', { field: 'email' });
  return new AppError('username_taken', 'The username is taken', { field: 'username' });
}
