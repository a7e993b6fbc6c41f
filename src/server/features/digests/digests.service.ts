// Sending: the digest to every member who is due (in batches, each claimed before its mail is queued,
// so a retried or doubled run never sends twice), and single notification emails to members away.
import type { AppContext } from '../../context';
import type { DigestFrequency } from '../../platform/db/schema';
import { memberPrincipal, requireRole, type Actor, type Principal } from '../../platform/http/principal';
import { sendMail } from '../../platform/mail/send';
import type { Discussions } from '../discussions';
import { builtInGroupsOf } from '../groups';
import { canReadConversation, type ConversationReader } from '../messages';
import type { SettingsService } from '../settings';
import { digestEmail, notificationEmail, type Email } from './digests.presenter';
import {
  AWAY_EMAIL_TYPES, DIGEST_QUEUE, awayCutoff, digestLimits, digestWindowStart, dueCutoff, hasDigestContent, isAwayEmailDue, isDigestDue, isFoldedSince, unsubscribeToken,
  type AwayEmailJob, type UnsubscribePurpose,
} from './digests.rules';
import {
  claimDigest, dueMembers, findMemberMail, findNotificationFacts, newTopicsSince, releaseDigest, unreadNotificationsSince, type MemberMailRow,
} from './digests.store';

export type SpacesAccess = Pick<Discussions['spaces'], 'viewerOf' | 'visibleSpaceIds'>;

export interface DigestRunOptions {
  dryRun?: boolean;
  /** Called after each batch with how many members were looked at so far. */
  onBatch?: (looked: number) => Promise<void>;
}

export interface DigestRunReport {
  looked: number;
  sent: number;
  /** Nothing new for them. */
  empty: number;
  failed: number;
  /** Dry run: who would get what. */
  planned: { username: string; frequency: DigestFrequency; notifications: number; topics: number }[];
}

/** The member as a viewer, to ask the spaces service what they may see. */
function asViewer(m: MemberMailRow): Principal {
  return memberPrincipal({ memberId: m.member_id, username: m.username, role: m.role, trustLevel: m.trust_level }, 'read');
}

/**
 * The member as a reader of private conversations: named groups count by membership (in SQL), built-in
 * ones follow from role and trust level.
 */
function asReader(m: MemberMailRow): ConversationReader {
  return { memberId: m.member_id, groupNames: builtInGroupsOf({ role: m.role, trustLevel: m.trust_level }) };
}

const isLive = (m: MemberMailRow, now: Date): boolean =>
  m.deleted_at === null && m.email_confirmed_at !== null && m.email !== '' && (m.suspended_until === null || m.suspended_until <= now);

export function createDigestsService(ctx: AppContext, spaces: SpacesAccess, settings: Pick<SettingsService, 'get'>, secret: () => Promise<string>) {
  const db = ctx.database.db;

  async function visibleSpaceIds(member: MemberMailRow): Promise<number[]> {
    return spaces.visibleSpaceIds(await spaces.viewerOf(asViewer(member)));
  }

  /** The mail with its unsubscribe link in the body and RFC 2369 / RFC 8058 headers for one-click. */
  async function mailTo(member: MemberMailRow, purpose: UnsubscribePurpose, build: (unsubscribeUrl: string) => Email): Promise<void> {
    const token = encodeURIComponent(unsubscribeToken(await secret(), member.member_id, purpose));
    const { publicUrl } = ctx.config;
    const email = build(`${publicUrl}/unsubscribe?token=${token}`);
    await sendMail(ctx, {
      to: member.email,
      ...email,
      headers: {
        'List-Unsubscribe': `<${publicUrl}/api/email/unsubscribe?token=${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
    });
  }

  async function contentFor(member: MemberMailRow, frequency: Exclude<DigestFrequency, 'never'>, now: Date) {
    const since = digestWindowStart(frequency, member.last_digest_at, now);
    const spaceIds = await visibleSpaceIds(member);
    const [notifications, topics] = await Promise.all([
      unreadNotificationsSince(db, asReader(member), spaceIds, since, digestLimits.notificationsMax),
      newTopicsSince(db, member.member_id, spaceIds, since, digestLimits.topicsMax),
    ]);
    return { notifications, topics };
  }

  /** Claims, then queues the mail; gives the claim back when queueing fails. False when another run had it. */
  async function deliverDigest(member: MemberMailRow, frequency: Exclude<DigestFrequency, 'never'>, content: Awaited<ReturnType<typeof contentFor>>, now: Date): Promise<boolean> {
    const claim = await ctx.database.tx((trx) => claimDigest(trx, member.member_id, frequency, dueCutoff(frequency, now), now));
    if (!claim) return false;
    const site = await settings.get();
    try {
      await mailTo(member, 'digest', (unsubscribeUrl) => digestEmail({ siteName: site.siteName, publicUrl: ctx.config.publicUrl, unsubscribeUrl, username: member.username, frequency, ...content }));
    } catch (error) {
      await releaseDigest(db, member.member_id, now, claim.previous);
      throw error;
    }
    return true;
  }

  return {
    /** Staff: run the digests now instead of at the next hour (due members only, as the schedule would). */
    async queueRun(actor: Actor): Promise<{ jobId: string }> {
      requireRole(actor, 'admin', 'Only admins can send digests');
      return { jobId: await ctx.jobs.send(DIGEST_QUEUE, {}) };
    },

    /** Sends every digest due at `now`. Safe to run again or twice at once. */
    async sendDue(now: Date, options: DigestRunOptions = {}): Promise<DigestRunReport> {
      const report: DigestRunReport = { looked: 0, sent: 0, empty: 0, failed: 0, planned: [] };
      for (const frequency of ['daily', 'weekly'] as const) {
        let afterMemberId = 0;
        for (;;) {
          const batch = await dueMembers(db, {
            frequency, dueCutoff: dueCutoff(frequency, now), awayCutoff: awayCutoff(ctx.config.digestAwayHours, now), now, afterMemberId, limit: digestLimits.batchSize,
          });
          for (const member of batch) {
            // The query already chose them; the rule has the last word (a preference may have just changed).
            const candidate = { frequency: member.digest_frequency, lastDigestAt: member.last_digest_at, lastPresentAt: member.last_seen_at ?? member.joined_at };
            if (!isDigestDue(candidate, now, ctx.config.digestAwayHours)) continue;
            const content = await contentFor(member, frequency, now);
            if (!hasDigestContent(content)) report.empty++;
            else if (options.dryRun) report.planned.push({ username: member.username, frequency, notifications: content.notifications.length, topics: content.topics.length });
            else {
              try {
                if (await deliverDigest(member, frequency, content, now)) report.sent++;
              } catch (error) {
                report.failed++;
                ctx.logger.warn({ err: error, memberId: member.member_id }, 'digest could not be queued');
              }
            }
          }
          report.looked += batch.length;
          await options.onBatch?.(report.looked);
          const last = batch[batch.length - 1];
          if (!last || batch.length < digestLimits.batchSize) break;
          afterMemberId = last.member_id;
        }
      }
      return report;
    },

    /**
     * Emails one notification if its member still wants that, is away, has not read it and may still see
     * what it is about. `messageId`: the message that queued the email; when a later one has folded into
     * the notification since, its own email (queued later) speaks for both.
     */
    async sendAwayNotification(notificationId: number, now: Date, messageId?: number): Promise<boolean> {
      const facts = await findNotificationFacts(db, notificationId);
      if (!facts) return false;
      const gone = facts.conversation_id !== null ? facts.message_deleted_at !== null || isFoldedSince(messageId, facts.message_id) : facts.topic_deleted_at !== null || facts.post_deleted_at !== null;
      if (gone) return false;
      const member = await findMemberMail(db, facts.member_id);
      if (!member || !isLive(member, now)) return false;
      if (!isAwayEmailDue({ type: facts.type, readAt: facts.read_at, notifyWhenAway: member.notify_when_away, lastSeenAt: member.last_seen_at }, now)) return false;
      const visible =
        facts.conversation_id !== null
          ? await canReadConversation(db, asReader(member), facts.conversation_id)
          : facts.space_id !== null && (await visibleSpaceIds(member)).includes(facts.space_id);
      if (!visible) return false;
      const site = await settings.get();
      await mailTo(member, 'notifications', (unsubscribeUrl) =>
        notificationEmail({ siteName: site.siteName, publicUrl: ctx.config.publicUrl, unsubscribeUrl, username: member.username, notification: facts }),
      );
      return true;
    },

    /** The email job a new notification may deserve later (a cheap check before queueing it), if any. */
    async awayEmailJob(notificationId: number): Promise<AwayEmailJob | undefined> {
      const facts = await findNotificationFacts(db, notificationId);
      if (!facts || !AWAY_EMAIL_TYPES.includes(facts.type) || facts.read_at !== null) return undefined;
      const member = await findMemberMail(db, facts.member_id);
      if (member === undefined || !member.notify_when_away || member.email_confirmed_at === null) return undefined;
      return facts.type === 'message' && facts.message_id !== null ? { notificationId, messageId: facts.message_id } : { notificationId };
    },
  };
}

export type DigestsService = ReturnType<typeof createDigestsService>;
