// A member's email preferences, and the signed one-click unsubscribe (no login, no CSRF: the token is the credential).
import type { AppContext } from '../../context';
import { AppError, invalid, notFound } from '../../platform/errors';
import { requireMember, type Actor } from '../../platform/http/principal';
import { presentPreferences } from './digests.presenter';
import { readUnsubscribeToken, type UnsubscribePurpose } from './digests.rules';
import type { EmailPreferencesBody, EmailPreferencesView, UnsubscribePreview, UnsubscribeResult } from './digests.schema';
import { findMemberMail, upsertPreferences } from './digests.store';

export function createPreferencesService(ctx: AppContext, secret: () => Promise<string>) {
  const db = ctx.database.db;

  async function view(memberId: number): Promise<EmailPreferencesView> {
    const row = await findMemberMail(db, memberId);
    if (!row) throw notFound('Member not found');
    return presentPreferences(row, ctx.mailer.delivers);
  }

  /** The member and purpose a token names; 400 invalid_token when forged, malformed or for a member who is gone. */
  async function resolve(token: string | undefined) {
    if (token === undefined || token === '') throw invalid('token', 'token is required (in the body or the URL)');
    const claim = readUnsubscribeToken(await secret(), token);
    const member = claim && (await findMemberMail(db, claim.memberId));
    if (!claim || !member || member.deleted_at !== null) throw new AppError('invalid_token', 'This unsubscribe link is not valid', { field: 'token' });
    return { member, purpose: claim.purpose };
  }

  return {
    async get(actor: Actor): Promise<EmailPreferencesView> {
      return view(requireMember(actor).memberId);
    },

    async set(actor: Actor, body: EmailPreferencesBody): Promise<EmailPreferencesView> {
      const member = requireMember(actor);
      await upsertPreferences(db, member.memberId, { digestFrequency: body.digestFrequency, notifyWhenAway: body.notifyWhenAway });
      return view(member.memberId);
    },

    /** What the link would stop; changes nothing (mail scanners fetch links). */
    async preview(token: string): Promise<UnsubscribePreview> {
      const { member, purpose } = await resolve(token);
      const subscribed = purpose === 'digest' ? member.digest_frequency !== 'never' : member.notify_when_away;
      return { purpose, username: member.username, subscribed };
    },

    /** Turns the emails off; repeating it is harmless. */
    async unsubscribe(token: string | undefined, ip: string): Promise<UnsubscribeResult> {
      const { member, purpose } = await resolve(token);
      const change: Record<UnsubscribePurpose, Parameters<typeof upsertPreferences>[2]> = { digest: { digestFrequency: 'never' }, notifications: { notifyWhenAway: false } };
      await upsertPreferences(db, member.member_id, change[purpose]);
      ctx.logger.info({ memberId: member.member_id, purpose, ip }, 'unsubscribed by emailed link');
      return { purpose, unsubscribed: true };
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
