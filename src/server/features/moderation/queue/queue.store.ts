// SQL for the review queue: one pending item per post (or per member for member items).
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { ReviewKind, ReviewStatus } from '../../../platform/db/schema-moderation';

export interface NewReviewItem {
  kind: ReviewKind;
  postId: number | null;
  memberId: number;
  spaceId: number | null;
  reason: unknown;
  score: number;
}

/**
 * Opens an item, or adds to the pending one about the same post (or member): the score grows and the
 * latest reason is kept. Returns the item's id.
 */
export async function upsertReviewItem(db: Queryable, item: NewReviewItem): Promise<number> {
  const pending = db.selectFrom('review_items').select('id').where('status', '=', 'pending');
  const existing = await (item.postId !== null ? pending.where('post_id', '=', item.postId) : pending.where('post_id', 'is', null).where('kind', '=', item.kind).where('member_id', '=', item.memberId))
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('review_items')
      .set((eb) => ({ score: eb('score', '+', item.score), reason: JSON.stringify(item.reason), updated_at: new Date() }))
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const row = await db
    .insertInto('review_items')
    .values({ kind: item.kind, post_id: item.postId, member_id: item.memberId, space_id: item.spaceId, reason: JSON.stringify(item.reason), score: item.score })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface QueueFilter {
  status: ReviewStatus;
  kind: ReviewKind | undefined;
  spaceIds: readonly number[] | undefined;
  olderThan: Date | undefined;
  sort: 'score' | 'age';
  limit: number;
  offset: number;
}

export function queueQuery(db: Queryable) {
  return db
    .selectFrom('review_items as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .leftJoin('accounts as a', 'a.member_id', 'r.member_id')
    .leftJoin('posts as p', 'p.id', 'r.post_id')
    .leftJoin('topics as t', 't.id', 'p.topic_id')
    .leftJoin('spaces as s', 's.id', 'r.space_id')
    .leftJoin('accounts as c', 'c.member_id', 'r.claimed_by')
    .leftJoin('accounts as d', 'd.member_id', 'r.resolved_by')
    .select([
      'r.id', 'r.kind', 'r.post_id', 'r.member_id', 'r.space_id', 'r.reason', 'r.score', 'r.status', 'r.claimed_by', 'r.claimed_at',
      'r.resolved_by', 'r.resolved_at', 'r.resolution', 'r.resolution_reason', 'r.created_at',
      'a.username', 'm.display_name', 'm.trust_level', 'm.joined_at',
      'p.body as post_body', 'p.html as post_html', 'p.post_number', 'p.moderation_state', 'p.topic_id',
      't.title as topic_title', 't.slug as topic_slug', 's.name as space_name', 'c.username as claimed_by_username', 'd.username as resolved_by_username',
    ]);
}

export async function listQueue(db: Queryable, filter: QueueFilter) {
  let query = queueQuery(db).where('r.status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('r.kind', '=', filter.kind);
  if (filter.spaceIds !== undefined) query = filter.spaceIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('r.space_id', 'in', filter.spaceIds);
  if (filter.olderThan !== undefined) query = query.where('r.created_at', '<', filter.olderThan);
  query = filter.sort === 'score' ? query.orderBy('r.score', 'desc').orderBy('r.id', 'asc') : query.orderBy('r.created_at', 'asc').orderBy('r.id', 'asc');
  return query.limit(filter.limit + 1).offset(filter.offset).execute();
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

export async function findQueueItem(db: Queryable, id: number): Promise<QueueRow | undefined> {
  return queueQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** Claims a pending item for a moderator unless someone else holds it; true when this one has it now. */
export async function claimItem(db: Queryable, id: number, moderatorId: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('review_items')
    .set({ claimed_by: moderatorId, claimed_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', moderatorId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives up the moderator's claim; false when they held none. */
export async function releaseClaim(db: Queryable, id: number, moderatorId: number): Promise<boolean> {
  const result = await db.updateTable('review_items').set({ claimed_by: null, claimed_at: null }).where('id', '=', id).where('claimed_by', '=', moderatorId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Settles a pending item; false when someone settled it first. */
export async function resolveItem(
  db: Queryable,
  id: number,
  outcome: { status: Exclude<ReviewStatus, 'pending'>; resolution: string; reason: string; by: number; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('review_items')
    .set({ status: outcome.status, resolution: outcome.resolution, resolution_reason: outcome.reason, resolved_by: outcome.by, resolved_at: outcome.at, updated_at: outcome.at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Reopens a settled item's outcome (an overturned appeal): the status and resolution change, the history stays in the audit log. */
export async function overturnItem(db: Queryable, id: number, status: Exclude<ReviewStatus, 'pending'>, resolution: string): Promise<void> {
  await db.updateTable('review_items').set({ status, resolution, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Pending items, in the given spaces only when spaceIds is set. */
export async function countPending(db: Queryable, spaceIds?: readonly number[]): Promise<number> {
  if (spaceIds !== undefined && spaceIds.length === 0) return 0;
  let query = db.selectFrom('review_items').select((eb) => eb.fn.countAll<string | number>().as('n')).where('status', '=', 'pending');
  if (spaceIds !== undefined) query = query.where('space_id', 'in', spaceIds);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Labels for retraining, with the versions of the models that scored the post. */
export async function insertLabels(db: Queryable, postId: number, decidedBy: number, labels: readonly { kind: 'spam' | 'abuse'; label: string }[]): Promise<void> {
  if (labels.length === 0) return;
  const post = await db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .leftJoin('post_scores as s', 's.post_id', 'p.id')
    .select(['p.body', 'p.post_number', 't.title', 's.spam_version', 's.abuse_version'])
    .where('p.id', '=', postId)
    .executeTakeFirst();
  if (!post) return;
  const text = post.post_number === 1 ? `${post.title}\n\n${post.body}` : post.body;
  await db
    .insertInto('moderation_labels')
    .values(labels.map((l) => ({ post_id: postId, text, kind: l.kind, label: l.label, model_version: l.kind === 'spam' ? post.spam_version : post.abuse_version, decided_by: decidedBy })))
    .execute();
}

export async function findPostBody(db: Queryable, postId: number) {
  return db.selectFrom('posts').select(['id', 'body', 'revision', 'author_id']).where('id', '=', postId).executeTakeFirst();
}
