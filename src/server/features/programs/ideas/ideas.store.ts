// SQL for ideas boards: votes, the vote count, statuses and their history, merges, listings.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { IdeaStatus } from '../../../platform/db/schema-ideas';

/** The idea's state under a row lock, creating its row (open, no votes) the first time; every vote write takes this lock first. */
export async function lockIdea(db: Queryable, topicId: number) {
  return db
    .insertInto('ideas')
    .values({ topic_id: topicId })
    .onConflict((oc) => oc.column('topic_id').doUpdateSet({ topic_id: (eb) => eb.ref('excluded.topic_id') }))
    .returning(['topic_id', 'status', 'status_comment', 'vote_count', 'merged_into_id'])
    .executeTakeFirstOrThrow();
}

/** False when the member already votes for the idea. */
export async function addVote(db: Queryable, topicId: number, memberId: number, at: Date): Promise<boolean> {
  const rows = await db.insertInto('idea_votes').values({ topic_id: topicId, member_id: memberId, created_at: at }).onConflict((oc) => oc.doNothing()).returning('member_id').execute();
  return rows.length > 0;
}

/** False when the member had no vote on the idea. */
export async function removeVote(db: Queryable, topicId: number, memberId: number): Promise<boolean> {
  const rows = await db.deleteFrom('idea_votes').where('topic_id', '=', topicId).where('member_id', '=', memberId).returning('member_id').execute();
  return rows.length > 0;
}

export async function addToVoteCount(db: Queryable, topicId: number, delta: number): Promise<number> {
  const row = await db
    .updateTable('ideas')
    .set((eb) => ({ vote_count: eb('vote_count', '+', delta) }))
    .where('topic_id', '=', topicId)
    .returning('vote_count')
    .executeTakeFirstOrThrow();
  return row.vote_count;
}

export async function hasVoted(db: Queryable, topicId: number, memberId: number): Promise<boolean> {
  return (await db.selectFrom('idea_votes').select('member_id').where('topic_id', '=', topicId).where('member_id', '=', memberId).executeTakeFirst()) !== undefined;
}

export async function voterIds(db: Queryable, topicId: number): Promise<number[]> {
  return (await db.selectFrom('idea_votes').select('member_id').where('topic_id', '=', topicId).execute()).map((r) => r.member_id);
}

/** The idea's stored state; undefined for an idea nobody voted on and staff never touched. */
export async function findIdeaState(db: Queryable, topicId: number) {
  return db.selectFrom('ideas').selectAll().where('topic_id', '=', topicId).executeTakeFirst();
}

export interface StatusWrite {
  topicId: number;
  status: IdeaStatus;
  previous: IdeaStatus;
  comment: string;
  html: string;
  actorId: number;
  at: Date;
  mergedIntoId?: number;
}

/** Sets the idea's status and comment and appends the change to its history. */
export async function writeStatus(db: Queryable, change: StatusWrite): Promise<void> {
  await db
    .updateTable('ideas')
    .set({ status: change.status, status_comment: change.comment, status_comment_html: change.html, status_changed_at: change.at, ...(change.mergedIntoId ? { merged_into_id: change.mergedIntoId } : {}) })
    .where('topic_id', '=', change.topicId)
    .execute();
  await db
    .insertInto('idea_status_changes')
    .values({ topic_id: change.topicId, status: change.status, previous_status: change.previous, comment: change.comment, comment_html: change.html, actor_id: change.actorId, created_at: change.at })
    .execute();
}

export async function statusHistory(db: Queryable, topicId: number) {
  return db
    .selectFrom('idea_status_changes as c')
    .leftJoin('members as m', 'm.id', 'c.actor_id')
    .leftJoin('accounts as a', 'a.member_id', 'c.actor_id')
    .select(['c.status', 'c.previous_status', 'c.comment', 'c.comment_html', 'c.created_at', 'c.actor_id', 'a.username', 'm.display_name'])
    .where('c.topic_id', '=', topicId)
    .orderBy('c.id')
    .execute();
}

export type StatusChangeRow = Awaited<ReturnType<typeof statusHistory>>[number];

/**
 * Moves the duplicate's votes to the target, keeping each vote's time; a member who voted on both
 * keeps one vote. Returns the voters of the duplicate and how many votes the target gained.
 */
export async function moveVotes(db: Queryable, fromTopicId: number, toTopicId: number): Promise<{ voters: number[]; added: number }> {
  const voters = await voterIds(db, fromTopicId);
  const inserted = await db
    .insertInto('idea_votes')
    .columns(['topic_id', 'member_id', 'created_at'])
    .expression((eb) => eb.selectFrom('idea_votes').select([sql<number>`${toTopicId}::bigint`.as('topic_id'), 'member_id', 'created_at']).where('topic_id', '=', fromTopicId))
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .execute();
  await db.deleteFrom('idea_votes').where('topic_id', '=', fromTopicId).execute();
  await db.updateTable('ideas').set({ vote_count: 0 }).where('topic_id', '=', fromTopicId).execute();
  return { voters, added: inserted.length };
}

export async function closeTopic(db: Queryable, topicId: number, at: Date): Promise<void> {
  await db.updateTable('topics').set({ closed: true, updated_at: at }).where('id', '=', topicId).execute();
}

/** Title and slug of live topics, by id. */
export async function topicRefs(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('topics').select(['id', 'title', 'slug', 'space_id']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}

/** Live ideas merged into this one. */
export async function duplicatesOf(db: Queryable, topicId: number) {
  return db
    .selectFrom('ideas')
    .innerJoin('topics', 'topics.id', 'ideas.topic_id')
    .select(['topics.id', 'topics.title', 'topics.slug', 'topics.space_id'])
    .where('ideas.merged_into_id', '=', topicId)
    .where('topics.deleted_at', 'is', null)
    .orderBy('topics.id')
    .execute();
}
