// SQL that keeps read marks, notification levels and notifications with their posts when staff split or
// merge topics (discussions/split-merge runs these inside its transaction).
import type { Queryable } from '../../platform/db/database';

export interface ReadMarkRow {
  memberId: number;
  topicId: number;
  lastReadPostNumber: number;
}

export async function readMarksOf(db: Queryable, topicIds: readonly number[]): Promise<ReadMarkRow[]> {
  if (topicIds.length === 0) return [];
  const rows = await db.selectFrom('topic_reads').select(['member_id', 'topic_id', 'last_read_post_number']).where('topic_id', 'in', [...topicIds]).execute();
  return rows.map((r) => ({ memberId: r.member_id, topicId: r.topic_id, lastReadPostNumber: r.last_read_post_number }));
}

/** Sets read marks to exactly these numbers (they may move back: the posts were renumbered). */
export async function replaceReadMarks(db: Queryable, marks: readonly ReadMarkRow[], at: Date): Promise<void> {
  if (marks.length === 0) return;
  await db
    .insertInto('topic_reads')
    .values(marks.map((m) => ({ member_id: m.memberId, topic_id: m.topicId, last_read_post_number: m.lastReadPostNumber, updated_at: at })))
    .onConflict((oc) => oc.columns(['member_id', 'topic_id']).doUpdateSet((eb) => ({ last_read_post_number: eb.ref('excluded.last_read_post_number'), updated_at: at })))
    .execute();
}

export async function deleteReadMarks(db: Queryable, topicId: number): Promise<void> {
  await db.deleteFrom('topic_reads').where('topic_id', '=', topicId).execute();
}

/** Whoever follows (or muted) the old topic does the same with the new one, unless they already chose. */
export async function copyTopicLevels(db: Queryable, fromTopicId: number, toTopicId: number, at: Date): Promise<void> {
  await db
    .insertInto('topic_notification_levels')
    .columns(['member_id', 'topic_id', 'level', 'updated_at'])
    .expression((eb) =>
      eb.selectFrom('topic_notification_levels').select((s) => ['member_id', s.val(toTopicId).as('topic_id'), 'level', s.val(at).as('updated_at')]).where('topic_id', '=', fromTopicId),
    )
    .onConflict((oc) => oc.columns(['member_id', 'topic_id']).doNothing())
    .execute();
}

export async function deleteTopicLevels(db: Queryable, topicId: number): Promise<void> {
  await db.deleteFrom('topic_notification_levels').where('topic_id', '=', topicId).execute();
}

/** Notifications follow their posts: those about `postIds` (all of the topic's when omitted) move to `toTopicId`. */
export async function moveNotifications(db: Queryable, fromTopicId: number, toTopicId: number, postIds?: readonly number[]): Promise<void> {
  if (postIds !== undefined && postIds.length === 0) return;
  let query = db.updateTable('notifications').set({ topic_id: toTopicId }).where('topic_id', '=', fromTopicId);
  if (postIds !== undefined) query = query.where('post_id', 'in', [...postIds]);
  await query.execute();
}
