// The notifications API: the list, the unread count, marking read, notification levels and read marks.
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { decodeTimeCursor, pageOf } from '../../platform/http/cursor';
import { requireMember, type Actor } from '../../platform/http/principal';
import type { Discussions } from '../discussions';
import { builtInGroupsOf } from '../groups';
import { presentNotification } from './notifications.presenter';
import { effectiveLevel, notificationLimits } from './notifications.rules';
import type { LevelBody, LevelView, MarkReadBody, MarkReadResult, NotificationPage, NotificationQuery, TopicReadView, UnreadCount, UnreadTopicPage } from './notifications.schema';
import {
  advanceTopicRead, countUnread, lastPostNumber, listNotifications, listUnreadTopics, markNotificationsRead, markTopicNotificationsRead, ownNotificationIds, setSpaceLevel, setTopicLevel, spaceLevelOf,
} from './notifications.store';

export type DiscussionsAccess = Pick<Discussions, 'spaces' | 'topics'>;

export function createNotificationsService(ctx: AppContext, discussions: DiscussionsAccess) {
  const db = ctx.database.db;

  /** Checked on every read: the member's rights may have changed since the notification was made. */
  async function visibleSpaceIds(actor: Actor): Promise<number[]> {
    return (await discussions.spaces.list(actor)).map((s) => s.id);
  }

  async function unread(actor: Actor, memberId: number): Promise<number> {
    return countUnread(db, memberId, await visibleSpaceIds(actor), builtInGroupsOf(actor));
  }

  /** A live topic the member can see (404 otherwise, deleted ones too). */
  async function liveTopic(actor: Actor, topicId: number) {
    const { topic } = await discussions.topics.visibleTopic(actor, topicId);
    if (topic.deleted_at !== null) throw notFound('Topic not found');
    return topic;
  }

  return {
    async list(actor: Actor, query: NotificationQuery): Promise<NotificationPage> {
      const member = requireMember(actor);
      const limit = query.limit ?? notificationLimits.pageDefault;
      const cursor = decodeTimeCursor(query.cursor);
      const after = cursor && { createdAt: cursor.at, id: cursor.id };
      const rows = await listNotifications(db, member.memberId, await visibleSpaceIds(actor), { limit, after }, builtInGroupsOf(member));
      const page = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
    },

    /** Followed or started topics with posts after the viewer's read mark, latest activity first. */
    async unreadTopics(actor: Actor, query: NotificationQuery): Promise<UnreadTopicPage> {
      const member = requireMember(actor);
      const limit = query.limit ?? notificationLimits.pageDefault;
      const cursor = decodeTimeCursor(query.cursor);
      const after = cursor && { lastPostedAt: cursor.at, id: cursor.id };
      const rows = await listUnreadTopics(db, member.memberId, await visibleSpaceIds(actor), { limit, after });
      const page = pageOf(rows, limit, (r) => [r.last_posted_at.toISOString(), r.id]);
      const items = page.items.map((r) => {
        const lastRead = r.last_read_post_number ?? 0;
        return {
          topicId: r.id, spaceId: r.space_id, title: r.title, lastPostedAt: r.last_posted_at.toISOString(), lastReadPostNumber: lastRead,
          unreadCount: r.last_post_number - lastRead, notificationLevel: effectiveLevel(r.topic_level ?? undefined, r.space_level ?? undefined),
        };
      });
      return { items, nextCursor: page.nextCursor };
    },

    async unreadCount(actor: Actor): Promise<UnreadCount> {
      const member = requireMember(actor);
      return { unreadCount: await unread(actor, member.memberId) };
    },

    /** Marks the given notifications read, or all of them; 404 when one of the ids is not the member's. */
    async markRead(actor: Actor, body: MarkReadBody): Promise<MarkReadResult> {
      const member = requireMember(actor);
      const ids = body.ids === undefined ? undefined : [...new Set(body.ids)];
      if (ids !== undefined && (await ownNotificationIds(db, member.memberId, ids)).length !== ids.length) throw notFound('Notification not found');
      const marked = await markNotificationsRead(db, member.memberId, ids, new Date());
      return { marked, unreadCount: await unread(actor, member.memberId) };
    },

    async setTopicLevel(actor: Actor, topicId: number, body: LevelBody): Promise<LevelView> {
      const member = requireMember(actor);
      await liveTopic(actor, topicId);
      await setTopicLevel(db, member.memberId, topicId, body.level);
      await ctx.bus.emit('topic.viewerStateChanged', { memberId: member.memberId, topicId });
      return { level: body.level };
    },

    /** The viewer's own level for a space (normal when they set none). */
    async spaceLevel(actor: Actor, spaceId: number): Promise<LevelView> {
      const member = requireMember(actor);
      await discussions.spaces.visible(actor, spaceId);
      return { level: effectiveLevel(undefined, await spaceLevelOf(db, member.memberId, spaceId)) };
    },

    async setSpaceLevel(actor: Actor, spaceId: number, body: LevelBody): Promise<LevelView> {
      const member = requireMember(actor);
      await discussions.spaces.visible(actor, spaceId);
      await setSpaceLevel(db, member.memberId, spaceId, body.level);
      await ctx.bus.emit('topic.viewerStateChanged', { memberId: member.memberId, topicId: null });
      return { level: body.level };
    },

    /** Moves the read mark forward (clamped to the last post) and reads the notifications up to it. */
    async markTopicRead(actor: Actor, topicId: number, postNumber: number): Promise<TopicReadView> {
      const member = requireMember(actor);
      await liveTopic(actor, topicId);
      const last = await lastPostNumber(db, topicId);
      const mark = await ctx.database.tx(async (trx) => {
        const at = await advanceTopicRead(trx, member.memberId, topicId, Math.min(postNumber, last));
        await markTopicNotificationsRead(trx, member.memberId, topicId, at, new Date());
        return at;
      });
      await ctx.bus.emit('topic.viewerStateChanged', { memberId: member.memberId, topicId });
      return { lastReadPostNumber: mark, unreadCount: Math.max(0, last - mark) };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
