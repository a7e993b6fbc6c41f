// SQL for the reputation ledger: an entry per vote or acceptance; members.reputation is their sum.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { ReputationReason } from '../../../platform/db/schema-qa';

export interface ReputationEntry {
  memberId: number;
  points: number;
  reason: ReputationReason;
  postId: number;
  actorId: number;
  at: Date;
}

export async function addReputation(db: Queryable, entry: ReputationEntry): Promise<void> {
  await db
    .insertInto('reputation_events')
    .values({ member_id: entry.memberId, points: entry.points, reason: entry.reason, post_id: entry.postId, actor_id: entry.actorId, created_at: entry.at })
    .execute();
  await db.updateTable('members').set({ reputation: sql`reputation + ${entry.points}` }).where('id', '=', entry.memberId).execute();
}

/** Deletes the entries for a post (one voter's, or the acceptance) and takes their points back. */
export async function removeReputation(db: Queryable, target: { reason: ReputationReason; postId: number; actorId?: number }): Promise<void> {
  let query = db.deleteFrom('reputation_events').where('reason', '=', target.reason).where('post_id', '=', target.postId);
  if (target.actorId !== undefined) query = query.where('actor_id', '=', target.actorId);
  const removed = await query.returning(['member_id', 'points']).execute();
  for (const r of removed) await db.updateTable('members').set({ reputation: sql`reputation - ${r.points}` }).where('id', '=', r.member_id).execute();
}

/** Up-votes on the post whose points are not in the ledger (taken back when the post was deleted or withheld). */
export async function votesWithoutPoints(db: Queryable, postId: number): Promise<{ memberId: number; at: Date }[]> {
  const rows = await db
    .selectFrom('qa_votes as v')
    .select(['v.member_id', 'v.created_at'])
    .where('v.post_id', '=', postId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('reputation_events as r').select('r.id').where('r.reason', '=', 'answer_upvoted').whereRef('r.post_id', '=', 'v.post_id').whereRef('r.actor_id', '=', 'v.member_id'))),
    )
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, at: r.created_at }));
}
