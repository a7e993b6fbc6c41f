// SQL for notifications, notification levels and topic reads.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';
import type { NotificationLevel, NotificationType } from '../../platform/db/schema';
import { messageNotificationSeen } from './message-notifications.store';

/** Accounts by lower-cased username. */
export async function accountsByUsernames(db: Queryable, lowerNames: readonly string[]) {
  if (lowerNames.length === 0) return [];
  return db
    .selectFrom('accounts')
    .select(['member_id', 'username'])
    .where(sql<string>`lower(username)`, 'in', lowerNames)
    .execute();
}

/** A post with its topic and the author of the post it replies to. */
export async function findPostFacts(db: Queryable, postId: number) {
  return db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .leftJoin('posts as parent', 'parent.id', 'posts.reply_to_post_id')
    .select([
      'posts.id', 'posts.topic_id', 'posts.author_id', 'posts.post_number', 'posts.body', 'posts.deleted_at', 'topics.space_id', 'topics.author_id as topic_author_id',
      'topics.deleted_at as topic_deleted_at', 'parent.author_id as replied_author_id',
    ])
    .where('posts.id', '=', postId)
    .executeTakeFirst();
}

/** Authors of live posts among the quoted ones, with the space each quoted post is in. */
export async function quotedAuthors(db: Queryable, quotes: readonly { topicId: number; postNumber: number }[]): Promise<{ authorId: number; spaceId: number }[]> {
  if (quotes.length === 0) return [];
  const rows = await db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .select(['posts.author_id', 'topics.space_id'])
    .where((eb) => eb.or(quotes.map((q) => eb.and([eb('posts.topic_id', '=', q.topicId), eb('posts.post_number', '=', q.postNumber)]))))
    .where('posts.deleted_at', 'is', null)
    .where('topics.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({ authorId: r.author_id, spaceId: r.space_id }));
}

/** The effective level of every member who set one on the topic or on its space. */
export async function levelsAround(db: Queryable, topicId: number, spaceId: number): Promise<Map<number, NotificationLevel>> {
  const [topicRows, spaceRows] = await Promise.all([
    db.selectFrom('topic_notification_levels').select(['member_id', 'level']).where('topic_id', '=', topicId).execute(),
    db.selectFrom('space_notification_levels').select(['member_id', 'level']).where('space_id', '=', spaceId).execute(),
  ]);
  const levels = new Map<number, NotificationLevel>(spaceRows.map((r) => [r.member_id, r.level]));
  for (const r of topicRows) levels.set(r.member_id, r.level);
  return levels;
}

export async function setTopicLevel(db: Queryable, memberId: number, topicId: number, level: NotificationLevel, onlyIfUnset = false): Promise<void> {
  const at = new Date();
  await db
    .insertInto('topic_notification_levels')
    .values({ member_id: memberId, topic_id: topicId, level, updated_at: at })
    .onConflict((oc) => (onlyIfUnset ? oc.columns(['member_id', 'topic_id']).doNothing() : oc.columns(['member_id', 'topic_id']).doUpdateSet({ level, updated_at: at })))
    .execute();
}

export async function setSpaceLevel(db: Queryable, memberId: number, spaceId: number, level: NotificationLevel): Promise<void> {
  const at = new Date();
  await db
    .insertInto('space_notification_levels')
    .values({ member_id: memberId, space_id: spaceId, level, updated_at: at })
    .onConflict((oc) => oc.columns(['member_id', 'space_id']).doUpdateSet({ level, updated_at: at }))
    .execute();
}

/** The level the member set on a space, if any. */
export async function spaceLevelOf(db: Queryable, memberId: number, spaceId: number): Promise<NotificationLevel | undefined> {
  const row = await db.selectFrom('space_notification_levels').select('level').where('member_id', '=', memberId).where('space_id', '=', spaceId).executeTakeFirst();
  return row?.level;
}

export interface NewNotification {
  memberId: number;
  type: NotificationType;
  /** Null when nobody did anything (a bookmark reminder). */
  actorId: number | null;
  topicId: number;
  postId: number;
  at: Date;
}

export async function insertNotifications(db: Queryable, rows: readonly NewNotification[]): Promise<{ id: number; member_id: number }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(rows.map((n) => ({ member_id: n.memberId, type: n.type, actor_id: n.actorId, topic_id: n.topicId, post_id: n.postId, created_at: n.at })))
    .returning(['id', 'member_id'])
    .execute();
}

/** Folds a reaction into the recipient's unread reaction notification for the post, or starts one. */
export async function upsertReactionNotification(db: Queryable, n: NewNotification & { emoji: string }): Promise<number> {
  const bumped = await db
    .updateTable('notifications')
    .set((eb) => ({ actor_id: n.actorId, emoji: n.emoji, count: eb('count', '+', 1), created_at: n.at }))
    .where('member_id', '=', n.memberId)
    .where('post_id', '=', n.postId)
    .where('type', '=', 'reaction')
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (bumped) return bumped.id;
  const row = await db
    .insertInto('notifications')
    .values({ member_id: n.memberId, type: 'reaction', actor_id: n.actorId, topic_id: n.topicId, post_id: n.postId, emoji: n.emoji, created_at: n.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A member's notifications about live topics and posts in the given spaces, and about the private
 * conversations they may still see (builtInGroups: the member's built-in groups, by name).
 */
function visibleNotifications(db: Queryable, memberId: number, spaceIds: readonly number[], builtInGroups: readonly string[]) {
  return db
    .selectFrom('notifications')
    .leftJoin('topics', 'topics.id', 'notifications.topic_id')
    .leftJoin('posts', 'posts.id', 'notifications.post_id')
    .leftJoin('conversations', 'conversations.id', 'notifications.conversation_id')
    .leftJoin('messages', 'messages.id', 'notifications.message_id')
    .where('notifications.member_id', '=', memberId)
    .where('posts.deleted_at', 'is', null)
    .where((eb) => {
      const aboutMessage = messageNotificationSeen(eb, memberId, builtInGroups);
      const notice = eb('notifications.type', 'in', ['moderation', 'notice']);
      if (spaceIds.length === 0) return eb.or([aboutMessage, notice]);
      return eb.or([eb.and([eb('topics.deleted_at', 'is', null), eb('topics.space_id', 'in', spaceIds)]), aboutMessage, notice]);
    });
}

export async function listNotifications(
  db: Queryable,
  memberId: number,
  spaceIds: readonly number[],
  page: { limit: number; after: { createdAt: Date; id: number } | undefined },
  builtInGroups: readonly string[] = [],
) {
  let query = visibleNotifications(db, memberId, spaceIds, builtInGroups)
    .leftJoin('members', 'members.id', 'notifications.actor_id')
    .leftJoin('accounts', 'accounts.member_id', 'notifications.actor_id')
    .select([
      'notifications.id', 'notifications.type', 'notifications.actor_id', 'notifications.topic_id', 'notifications.post_id', 'notifications.emoji',
      'notifications.count', 'notifications.created_at', 'notifications.read_at', 'posts.post_number', 'accounts.username', 'members.display_name',
      'notifications.conversation_id', 'notifications.message_id', 'messages.number as message_number', 'notifications.data',
    ])
    .select(sql<string>`coalesce(topics.title, conversations.title, notifications.data->>'title', '')`.as('title'))
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(page.limit + 1);
  const after = page.after;
  if (after) query = query.where(sql<boolean>`(notifications.created_at, notifications.id) < (${after.createdAt}, ${after.id})`);
  return query.execute();
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(db: Queryable, memberId: number, spaceIds: readonly number[], builtInGroups: readonly string[] = []): Promise<number> {
  const row = await visibleNotifications(db, memberId, spaceIds, builtInGroups)
    .where('notifications.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Which of the ids are notifications of the member. */
export async function ownNotificationIds(db: Queryable, memberId: number, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('notifications').select('id').where('member_id', '=', memberId).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** Marks the given notifications (all when ids is undefined) read; returns how many changed. */
export async function markNotificationsRead(db: Queryable, memberId: number, ids: readonly number[] | undefined, at: Date): Promise<number> {
  if (ids !== undefined && ids.length === 0) return 0;
  let query = db.updateTable('notifications').set({ read_at: at }).where('member_id', '=', memberId).where('read_at', 'is', null);
  if (ids !== undefined) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Reading a topic up to a post also reads the notifications about the posts up to it. */
export async function markTopicNotificationsRead(db: Queryable, memberId: number, topicId: number, upTo: number, at: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('member_id', '=', memberId)
    .where('topic_id', '=', topicId)
    .where('read_at', 'is', null)
    .where('post_id', 'in', (eb) => eb.selectFrom('posts').select('id').where('topic_id', '=', topicId).where('post_number', '<=', upTo))
    .execute();
}

/** Moves the member's read mark forward (never back); returns where it stands. */
export async function advanceTopicRead(db: Queryable, memberId: number, topicId: number, postNumber: number): Promise<number> {
  const at = new Date();
  const row = await db
    .insertInto('topic_reads')
    .values({ member_id: memberId, topic_id: topicId, last_read_post_number: postNumber, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['member_id', 'topic_id']).doUpdateSet({
        last_read_post_number: sql<number>`greatest(topic_reads.last_read_post_number, excluded.last_read_post_number)`,
        updated_at: at,
      }),
    )
    .returning('last_read_post_number')
    .executeTakeFirstOrThrow();
  return row.last_read_post_number;
}

export async function lastPostNumber(db: Queryable, topicId: number): Promise<number> {
  const row = await db.selectFrom('topics').select('last_post_number').where('id', '=', topicId).executeTakeFirst();
  return row?.last_post_number ?? 0;
}

/** For a viewer: how far they read each topic, the topic's last post number and their level on it. */
export async function topicStateRows(db: Queryable, memberId: number, topicIds: readonly number[]) {
  if (topicIds.length === 0) return [];
  return db
    .selectFrom('topics')
    .leftJoin('topic_reads', (join) => join.onRef('topic_reads.topic_id', '=', 'topics.id').on('topic_reads.member_id', '=', memberId))
    .leftJoin('topic_notification_levels as tl', (join) => join.onRef('tl.topic_id', '=', 'topics.id').on('tl.member_id', '=', memberId))
    .leftJoin('space_notification_levels as sl', (join) => join.onRef('sl.space_id', '=', 'topics.space_id').on('sl.member_id', '=', memberId))
    .select(['topics.id', 'topics.last_post_number', 'topic_reads.last_read_post_number', 'tl.level as topic_level', 'sl.level as space_level'])
    .where('topics.id', 'in', topicIds)
    .execute();
}

const levelOf = sql<string>`coalesce(tl.level, sl.level, 'normal')`;

/** Topics with posts after the member's read mark, among those they follow (tracking, watching) or began reading and did not mute. */
export async function listUnreadTopics(
  db: Queryable,
  memberId: number,
  spaceIds: readonly number[],
  page: { limit: number; after: { lastPostedAt: Date; id: number } | undefined },
) {
  if (spaceIds.length === 0) return [];
  let query = db
    .selectFrom('topics')
    .leftJoin('topic_reads as tr', (join) => join.onRef('tr.topic_id', '=', 'topics.id').on('tr.member_id', '=', memberId))
    .leftJoin('topic_notification_levels as tl', (join) => join.onRef('tl.topic_id', '=', 'topics.id').on('tl.member_id', '=', memberId))
    .leftJoin('space_notification_levels as sl', (join) => join.onRef('sl.space_id', '=', 'topics.space_id').on('sl.member_id', '=', memberId))
    .select(['topics.id', 'topics.space_id', 'topics.title', 'topics.last_post_number', 'topics.last_posted_at', 'tr.last_read_post_number', 'tl.level as topic_level', 'sl.level as space_level'])
    .where('topics.deleted_at', 'is', null)
    .where('topics.space_id', 'in', spaceIds)
    .where(sql<boolean>`(${levelOf} in ('watching', 'tracking') or (tr.member_id is not null and ${levelOf} <> 'muted'))`)
    .where(sql<boolean>`topics.last_post_number > coalesce(tr.last_read_post_number, 0)`)
    .orderBy('topics.last_posted_at', 'desc')
    .orderBy('topics.id', 'desc')
    .limit(page.limit + 1);
  const after = page.after;
  if (after) query = query.where(sql<boolean>`(topics.last_posted_at, topics.id) < (${after.lastPostedAt}, ${after.id})`);
  return query.execute();
}

/** Bookmarks whose reminder is due at `now`, oldest reminder first. */
export async function dueReminders(db: Queryable, now: Date, limit: number): Promise<{ member_id: number; post_id: number }[]> {
  const rows = await db
    .selectFrom('post_bookmarks')
    .select(['member_id', 'post_id'])
    .where('remind_at', '<=', now)
    .orderBy('remind_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ member_id: Number(r.member_id), post_id: Number(r.post_id) }));
}

/** Clears a due reminder; false if it was cleared or moved meanwhile (another run sent it, or the member changed it). */
export async function clearDueReminder(db: Queryable, memberId: number, postId: number, now: Date): Promise<boolean> {
  const cleared = await db
    .updateTable('post_bookmarks')
    .set({ remind_at: null })
    .where('member_id', '=', memberId)
    .where('post_id', '=', postId)
    .where('remind_at', '<=', now)
    .returning('post_id')
    .executeTakeFirst();
  return cleared !== undefined;
}
