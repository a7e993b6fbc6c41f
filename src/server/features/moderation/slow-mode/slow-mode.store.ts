// SQL for slow mode: a topic's minimum time between one member's posts.
import type { Queryable } from '../../../platform/db/database';

export async function topicSlowMode(db: Queryable, topicId: number) {
  return db.selectFrom('topics').select(['id', 'space_id', 'slow_mode_seconds']).where('id', '=', topicId).executeTakeFirst();
}

export async function setSlowMode(db: Queryable, topicId: number, seconds: number): Promise<void> {
  await db.updateTable('topics').set({ slow_mode_seconds: seconds }).where('id', '=', topicId).execute();
}
