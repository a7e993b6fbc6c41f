// SQL for email preferences, members due for a digest, and what goes into digests and notification emails
// (private-message notifications only for conversations the member can still read, by the messages feature's rule).
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../platform/db/database';
import type { DigestFrequency } from '../../platform/db/schema';
import { readableConversationIds, type ConversationReader } from '../messages';
import { DEFAULT_FREQUENCY, DEFAULT_NOTIFY_WHEN_AWAY } from './digests.rules';

const frequencyOf = sql<DigestFrequency>`coalesce(email_preferences.digest_frequency, ${DEFAULT_FREQUENCY})`;
const notifyOf = sql<boolean>`coalesce(email_preferences.notify_when_away, ${DEFAULT_NOTIFY_WHEN_AWAY})`;

/** Accounts with their email preferences (defaults where none were set) and what rights depend on. */
function accountsWithPreferences(db: Queryable) {
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .leftJoin('email_preferences', 'email_preferences.member_id', 'accounts.member_id')
    .select([
      'accounts.member_id', 'accounts.username', 'accounts.email', 'accounts.role', 'accounts.email_confirmed_at', 'accounts.suspended_until', 'members.trust_level',
      'members.display_name', 'members.joined_at', 'members.last_seen_at', 'members.deleted_at', 'email_preferences.last_digest_at',
    ])
    .select([frequencyOf.as('digest_frequency'), notifyOf.as('notify_when_away')]);
}

export async function findMemberMail(db: Queryable, memberId: number) {
  return accountsWithPreferences(db).where('accounts.member_id', '=', memberId).executeTakeFirst();
}

export type MemberMailRow = NonNullable<Awaited<ReturnType<typeof findMemberMail>>>;

export async function upsertPreferences(db: Queryable, memberId: number, changes: { digestFrequency?: DigestFrequency; notifyWhenAway?: boolean }): Promise<void> {
  const at = new Date();
  const set = {
    ...(changes.digestFrequency !== undefined ? { digest_frequency: changes.digestFrequency } : {}),
    ...(changes.notifyWhenAway !== undefined ? { notify_when_away: changes.notifyWhenAway } : {}),
    updated_at: at,
  };
  await db
    .insertInto('email_preferences')
    .values({ member_id: memberId, ...set })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(set))
    .execute();
}

export interface DueQuery {
  frequency: Exclude<DigestFrequency, 'never'>;
  /** A digest sent after this is too recent. */
  dueCutoff: Date;
  /** Members seen (or joined) after this are not away. */
  awayCutoff: Date;
  now: Date;
  afterMemberId: number;
  limit: number;
}

/** Members with a confirmed email, live and not suspended, due for a digest of the frequency; by id. */
export async function dueMembers(db: Queryable, q: DueQuery): Promise<MemberMailRow[]> {
  return accountsWithPreferences(db)
    .where(frequencyOf, '=', q.frequency)
    .where((eb) => eb.or([eb('email_preferences.last_digest_at', 'is', null), eb('email_preferences.last_digest_at', '<=', q.dueCutoff)]))
    .where(sql<boolean>`coalesce(members.last_seen_at, members.joined_at) <= ${q.awayCutoff}`)
    .where('members.deleted_at', 'is', null)
    .where('accounts.email_confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('accounts.suspended_until', 'is', null), eb('accounts.suspended_until', '<=', q.now)]))
    .where('accounts.member_id', '>', q.afterMemberId)
    .orderBy('accounts.member_id')
    .limit(q.limit)
    .execute();
}

/**
 * Claims the member's digest inside a transaction: records it as sent at `at` unless another run did
 * since the member was found due. Returns the previous time (to give the claim back if sending
 * fails), or undefined when the claim was lost.
 */
export async function claimDigest(trx: Tx, memberId: number, frequency: DigestFrequency, dueCutoff: Date, at: Date): Promise<{ previous: Date | null } | undefined> {
  const existing = await trx.selectFrom('email_preferences').select(['last_digest_at']).where('member_id', '=', memberId).forUpdate().executeTakeFirst();
  if (!existing) {
    const inserted = await trx
      .insertInto('email_preferences')
      .values({ member_id: memberId, digest_frequency: frequency, last_digest_at: at })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .returning('member_id')
      .executeTakeFirst();
    return inserted ? { previous: null } : undefined;
  }
  const claimed = await trx
    .updateTable('email_preferences')
    .set({ last_digest_at: at })
    .where('member_id', '=', memberId)
    .where('digest_frequency', '=', frequency)
    .where((eb) => eb.or([eb('last_digest_at', 'is', null), eb('last_digest_at', '<=', dueCutoff)]))
    .returning('member_id')
    .executeTakeFirst();
  return claimed ? { previous: existing.last_digest_at } : undefined;
}

/** Gives a claim back (sending failed), unless something else changed it since. */
export async function releaseDigest(db: Queryable, memberId: number, claimedAt: Date, previous: Date | null): Promise<void> {
  await db.updateTable('email_preferences').set({ last_digest_at: previous }).where('member_id', '=', memberId).where('last_digest_at', '=', claimedAt).execute();
}

/**
 * Unread notifications since `since`, newest first: about live topics and posts in the given spaces,
 * about the private conversations the member can still read (the messages feature's rule), and program
 * notices (an event reminder, an idea's new status, a badge), which carry their own title, text and link.
 */
export async function unreadNotificationsSince(db: Queryable, reader: ConversationReader, spaceIds: readonly number[], since: Date, limit: number) {
  return db
    .selectFrom('notifications')
    .leftJoin('topics', 'topics.id', 'notifications.topic_id')
    .leftJoin('posts', 'posts.id', 'notifications.post_id')
    .leftJoin('conversations', 'conversations.id', 'notifications.conversation_id')
    .leftJoin('accounts', 'accounts.member_id', 'notifications.actor_id')
    .select([
      'notifications.id', 'notifications.type', 'notifications.count', 'notifications.emoji', 'notifications.created_at', 'topics.id as topic_id', 'topics.slug',
      'notifications.conversation_id', 'posts.post_number', 'accounts.username as actor_username',
    ])
    .select(sql<string>`coalesce(topics.title, conversations.title, notifications.data->>'title', '')`.as('title'))
    .select(sql<string | null>`notifications.data->>'text'`.as('notice_text'))
    .select(sql<string | null>`notifications.data->>'url'`.as('notice_url'))
    .where('notifications.member_id', '=', reader.memberId)
    .where('notifications.read_at', 'is', null)
    .where('notifications.created_at', '>', since)
    .where('posts.deleted_at', 'is', null)
    .where((eb) => {
      const aboutMessage = eb.and([eb('notifications.type', '=', 'message'), eb('notifications.conversation_id', 'in', readableConversationIds(db, reader))]);
      const notice = eb('notifications.type', '=', 'notice');
      if (spaceIds.length === 0) return eb.or([aboutMessage, notice]);
      return eb.or([eb.and([eb('topics.deleted_at', 'is', null), eb('topics.space_id', 'in', [...spaceIds])]), aboutMessage, notice]);
    })
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
}

export type DigestNotificationRow = Awaited<ReturnType<typeof unreadNotificationsSince>>[number];

/** Live, listed topics started since `since` in the given spaces by others, most replied first. */
export async function newTopicsSince(db: Queryable, memberId: number, spaceIds: readonly number[], since: Date, limit: number) {
  if (spaceIds.length === 0) return [];
  return db
    .selectFrom('topics')
    .innerJoin('spaces', 'spaces.id', 'topics.space_id')
    .innerJoin('posts', (join) => join.onRef('posts.topic_id', '=', 'topics.id').on('posts.post_number', '=', 1))
    .leftJoin('accounts', 'accounts.member_id', 'topics.author_id')
    .select(['topics.id', 'topics.slug', 'topics.title', 'topics.reply_count', 'topics.created_at', 'spaces.name as space_name', 'posts.html', 'accounts.username as author_username'])
    .where('topics.space_id', 'in', [...spaceIds])
    .where('topics.created_at', '>', since)
    .where('topics.deleted_at', 'is', null)
    .where('topics.unlisted', '=', false)
    .where('posts.deleted_at', 'is', null)
    .where('topics.author_id', '<>', memberId)
    .orderBy('topics.reply_count', 'desc')
    .orderBy('topics.created_at', 'desc')
    .orderBy('topics.id', 'desc')
    .limit(limit)
    .execute();
}

export type DigestTopicRow = Awaited<ReturnType<typeof newTopicsSince>>[number];

/**
 * A notification with what its email needs: its topic and post, or (type 'message') its conversation and
 * the latest message folded into it.
 */
export async function findNotificationFacts(db: Queryable, notificationId: number) {
  return db
    .selectFrom('notifications')
    .leftJoin('topics', 'topics.id', 'notifications.topic_id')
    .leftJoin('posts', 'posts.id', 'notifications.post_id')
    .leftJoin('conversations', 'conversations.id', 'notifications.conversation_id')
    .leftJoin('messages', 'messages.id', 'notifications.message_id')
    .leftJoin('accounts', 'accounts.member_id', 'notifications.actor_id')
    .select([
      'notifications.id', 'notifications.member_id', 'notifications.type', 'notifications.count', 'notifications.read_at', 'notifications.created_at', 'topics.id as topic_id', 'topics.slug',
      'topics.space_id', 'topics.deleted_at as topic_deleted_at', 'posts.post_number', 'posts.deleted_at as post_deleted_at', 'notifications.conversation_id',
      'notifications.message_id', 'messages.deleted_at as message_deleted_at', 'accounts.username as actor_username',
    ])
    .select(sql<string>`coalesce(topics.title, conversations.title, '')`.as('title'))
    .select(sql<string | null>`coalesce(posts.html, messages.html)`.as('html'))
    .where('notifications.id', '=', notificationId)
    .executeTakeFirst();
}

export type NotificationFactsRow = NonNullable<Awaited<ReturnType<typeof findNotificationFacts>>>;
