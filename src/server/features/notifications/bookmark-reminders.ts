// Bookmark reminders: a minute job finds the bookmarks whose reminder time has come, clears each
// reminder and, in the same transaction, notifies the member (type 'bookmark', pointing at the post)
// if the post is still there and the member may still see its space. The bookmark itself stays.
import type { AppContext } from '../../context';
import type { DiscussionsAccess } from './notifications.service';
import { clearDueReminder, dueReminders, findPostFacts, insertNotifications } from './notifications.store';

export const BOOKMARK_REMINDERS_QUEUE = 'notifications.bookmarkReminders';
const BATCH = 200;

export interface ReminderReport {
  sent: number;
  /** Cleared without a notification: the post or topic is deleted, or the member lost access. */
  dropped: number;
}

export function createBookmarkReminders(ctx: AppContext, discussions: DiscussionsAccess) {
  const { database, bus } = ctx;

  /** Whether the member should hear about the post now (checked before the transaction: the rules read on their own). */
  async function worthSending(memberId: number, postId: number) {
    const post = await findPostFacts(database.db, postId);
    if (!post || post.deleted_at !== null || post.topic_deleted_at !== null) return undefined;
    return (await discussions.spaces.membersWhoSee([post.space_id], [memberId])).has(memberId) ? post : undefined;
  }

  async function sendDue(now: Date): Promise<ReminderReport> {
    const report: ReminderReport = { sent: 0, dropped: 0 };
    for (;;) {
      const due = await dueReminders(database.db, now, BATCH);
      for (const { member_id: memberId, post_id: postId } of due) {
        const post = await worthSending(memberId, postId);
        const created = await database.tx(async (tx) => {
          // Cleared first: a concurrent run, or the member moving the reminder, wins and nothing is sent twice.
          if (!(await clearDueReminder(tx, memberId, postId, now))) return undefined;
          return post ? insertNotifications(tx, [{ memberId, type: 'bookmark', actorId: null, topicId: post.topic_id, postId, at: now }]) : [];
        });
        // undefined: another run (or the member) got there first, and it counts for neither.
        if (created === undefined) continue;
        if (created.length > 0) report.sent++;
        else report.dropped++;
        for (const row of created) await bus.emit('notification.created', { memberId: row.member_id, notificationId: row.id });
      }
      if (due.length < BATCH) return report;
    }
  }

  ctx.jobs.define({
    queue: BOOKMARK_REMINDERS_QUEUE,
    schedule: '* * * * *',
    retryLimit: 0,
    expireInSeconds: 5 * 60,
    handler: async () => {
      const report = await sendDue(new Date());
      if (report.sent + report.dropped > 0) ctx.logger.info({ bookmarkReminders: report }, 'bookmark reminders run');
      return report;
    },
  });

  return { sendDue };
}

export type BookmarkReminders = ReturnType<typeof createBookmarkReminders>;
