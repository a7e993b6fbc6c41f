// Onboarding: the welcome message to each member who signs up, the "start here" checklist computed
// from the member's data, and the newcomers' queue (topics by new members nobody has answered yet)
// for staff and the helpers group.
import type { AppContext } from '../../../context';
import { AppError, forbidden } from '../../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../../platform/http/cursor';
import { memberPrincipal, requireMember, type Actor, type Principal } from '../../../platform/http/principal';
import type { Discussions } from '../../discussions';
import type { MessagesService } from '../../messages';
import type { SettingsService } from '../../settings';
import { checklist as checklistOf, fillPlaceholders, introductionsHref, isOverdue, mayHelp, onboardingLimits as limits, progressOf } from './onboarding.rules';
import type { NewcomersPage, NewcomersQuery, OnboardingPatch, OnboardingView } from './onboarding.schema';
import {
  checklistFacts, claimWelcome, findMemberAccount, findSender, joinedVia, newcomerTopics, recordWelcome, releaseWelcome, setDismissed, type AccountFacts,
} from './onboarding.store';

export interface OnboardingDeps {
  settings: Pick<SettingsService, 'get'>;
  discussions: Pick<Discussions, 'spaces'>;
  messages: Pick<MessagesService, 'create'>;
}

export type WelcomeOutcome = 'sent' | 'already_sent' | 'disabled' | 'not_signup' | 'no_member' | 'no_sender';

/** A staff account acting from a background job (like the digests and notifications jobs do). */
function asSender(account: AccountFacts): Principal {
  return memberPrincipal({ memberId: account.member_id, username: account.username, role: account.role, trustLevel: account.trust_level }, 'write');
}

export function createOnboardingService(ctx: AppContext, deps: OnboardingDeps) {
  const db = ctx.database.db;

  const joinedBySignup = async (memberId: number): Promise<boolean> => (await joinedVia(db, memberId)) === 'signup';

  async function checklist(actor: Actor): Promise<OnboardingView> {
    const member = requireMember(actor);
    const site = await deps.settings.get();
    const facts = await checklistFacts(db, member.memberId, { spaceId: site.introductionsSpaceId, tag: limits.introductionsTag });
    if (!facts) throw new AppError('unauthorized', 'Sign in first');
    const items = checklistOf(
      { username: facts.username, displayName: facts.display_name, bio: facts.bio, avatarUrl: facts.avatar_url, guidelinesVersion: facts.guidelines_version, introduced: Boolean(facts.introduced), replied: Boolean(facts.replied) },
      { guidelinesVersion: site.guidelinesVersion, introductionsHref: introductionsHref(site.introductionsSpaceId) },
    );
    const done = items.filter((i) => i.done).length;
    const canHelp = mayHelp(await deps.discussions.spaces.viewerOf(member), site.helperGroup);
    return { items, done, total: items.length, progress: progressOf(items), complete: done === items.length, dismissed: facts.dismissed_at !== null, canHelp };
  }

  return {
    settings: () => deps.settings.get(),

    /** Whether the member signed up themself (accounts made by staff get no welcome message). */
    joinedBySignup,

    checklist,

    async setDismissed(actor: Actor, patch: OnboardingPatch): Promise<OnboardingView> {
      const member = requireMember(actor);
      await setDismissed(db, member.memberId, patch.dismissed ? new Date() : null);
      return checklist(actor);
    },

    async newcomers(actor: Actor, query: NewcomersQuery): Promise<NewcomersPage> {
      const member = requireMember(actor);
      const site = await deps.settings.get();
      const viewer = await deps.discussions.spaces.viewerOf(member);
      if (!mayHelp(viewer, site.helperGroup)) throw forbidden('Only staff and the welcome helpers can see the newcomers\' queue');
      const limit = query.limit ?? 30;
      const now = new Date();
      const rows = await newcomerTopics(db, {
        spaceIds: await deps.discussions.spaces.visibleSpaceIds(viewer),
        includeUnlisted: viewer.isStaff,
        newcomerDays: site.newcomerDays,
        since: new Date(now.getTime() - limits.queueWindowDays * 86_400_000),
        after: decodeTimeCursor(query.cursor),
        limit,
      });
      const page = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
      const items = page.items.map((r) => ({
        topic: { id: r.id, title: r.title, slug: r.slug, spaceId: r.space_id, createdAt: r.created_at.toISOString() },
        space: { id: r.space_id, name: r.space_name, slug: r.space_slug },
        author: { id: r.author_id, username: r.username, displayName: r.display_name, joinedAt: r.joined_at.toISOString() },
        ageHours: Math.round((now.getTime() - r.created_at.getTime()) / 36_000) / 100,
        overdue: isOverdue(r.created_at, now, site.newcomerResponseHours),
      }));
      return { items, nextCursor: page.nextCursor, responseHours: site.newcomerResponseHours, newcomerDays: site.newcomerDays, overdue: items.filter((i) => i.overdue).length };
    },

    /**
     * Sends the welcome message to a member who signed up (not to accounts made by staff), once:
     * the claim is recorded before sending and released if sending fails, so a retry may try again.
     */
    async sendWelcome(memberId: number): Promise<WelcomeOutcome> {
      const site = await deps.settings.get();
      if (!site.welcomeMessageEnabled) return 'disabled';
      if (!(await joinedBySignup(memberId))) return 'not_signup';
      const recipient = await findMemberAccount(db, memberId);
      if (!recipient) return 'no_member';
      const sender = (await findSender(db, site.welcomeSender)) ?? (site.welcomeSender.trim() !== '' ? await findSender(db, '') : undefined);
      if (!sender || sender.member_id === memberId) {
        ctx.logger.warn({ memberId, welcomeSender: site.welcomeSender }, 'no staff member to send the welcome message from');
        return 'no_sender';
      }
      if (!(await claimWelcome(db, memberId, new Date()))) return 'already_sent';
      const values = { username: recipient.username, displayName: recipient.display_name, siteName: site.siteName };
      try {
        const conversation = await deps.messages.create(asSender(sender), {
          recipients: [recipient.username],
          title: fillPlaceholders(site.welcomeMessageTitle, values).slice(0, 200),
          body: fillPlaceholders(site.welcomeMessage, values),
        });
        await recordWelcome(db, memberId, conversation.id);
        return 'sent';
      } catch (error) {
        await releaseWelcome(db, memberId);
        throw error;
      }
    },
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
