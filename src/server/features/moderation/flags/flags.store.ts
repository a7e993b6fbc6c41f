// SQL for flags: on posts and on members, their weights and outcomes.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { FlagReason, FlagStatus } from '../../../platform/db/schema-moderation';
import type { FlagRecord } from './flags.rules';

/** The post, its topic's title and its author's role; `lock` holds the post row (flags on one post queue up). */
export async function findFlaggablePost(db: Queryable, postId: number, lock = false) {
  let query = db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .leftJoin('accounts', 'accounts.member_id', 'posts.author_id')
    .select(['posts.id', 'posts.topic_id', 'posts.author_id', 'posts.post_number', 'posts.deleted_at', 'posts.edited_at', 'posts.moderation_state', 'topics.space_id', 'topics.title', 'accounts.role as author_role'])
    .where('posts.id', '=', postId);
  if (lock) query = query.forUpdate('posts');
  return query.executeTakeFirst();
}

/** When the member's last settled flag on the post was settled (null: they never flagged it, or only an open flag). */
export async function lastSettledFlag(db: Queryable, postId: number, flaggerId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('flags')
    .select((eb) => eb.fn.max('resolved_at').as('at'))
    .where('post_id', '=', postId)
    .where('flagger_id', '=', flaggerId)
    .where('status', '<>', 'open')
    .executeTakeFirst();
  return row?.at ?? null;
}

/** A member who is not deleted; `lock` holds their row (flags on one member queue up). */
export async function findFlaggableMember(db: Queryable, memberId: number, lock = false) {
  const query = db.selectFrom('members').select(['id']).where('id', '=', memberId).where('deleted_at', 'is', null);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** How the flagger's settled flags went. */
export async function flagRecord(db: Queryable, flaggerId: number): Promise<FlagRecord> {
  const row = await db
    .selectFrom('flags')
    .select([sql<string | number>`count(*) filter (where status = 'agreed')`.as('agreed'), sql<string | number>`count(*) filter (where status = 'disagreed')`.as('disagreed')])
    .where('flagger_id', '=', flaggerId)
    .executeTakeFirst();
  return { agreed: Number(row?.agreed ?? 0), disagreed: Number(row?.disagreed ?? 0) };
}

export interface NewFlag {
  postId: number | null;
  targetMemberId: number;
  flaggerId: number;
  reason: FlagReason;
  message: string | null;
  weight: number;
  at: Date;
}

/** Throws the unique violation of flags_post_key / flags_member_key for a repeated flag. */
export async function insertFlag(db: Queryable, flag: NewFlag): Promise<number> {
  const row = await db
    .insertInto('flags')
    .values({ post_id: flag.postId, target_member_id: flag.targetMemberId, flagger_id: flag.flaggerId, reason: flag.reason, message: flag.message, weight: flag.weight, created_at: flag.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function attachToItem(db: Queryable, flagId: number, reviewItemId: number): Promise<void> {
  await db.updateTable('flags').set({ review_item_id: reviewItemId }).where('id', '=', flagId).execute();
}

/** The open flags on a post, or (postId null) on a member themself: their reasons and summed weight. */
export async function openFlags(db: Queryable, target: { postId: number } | { memberId: number }): Promise<{ reasons: FlagReason[]; weight: number }> {
  let query = db.selectFrom('flags').select(['reason', 'weight']).where('status', '=', 'open');
  query = 'postId' in target ? query.where('post_id', '=', target.postId) : query.where('post_id', 'is', null).where('target_member_id', '=', target.memberId);
  const rows = await query.execute();
  return { reasons: rows.map((r) => r.reason), weight: rows.reduce((sum, r) => sum + Number(r.weight), 0) };
}

/** Marks the item's open flags with the outcome; the flaggers, once each. */
export async function settleItemFlags(db: Queryable, reviewItemId: number, status: Exclude<FlagStatus, 'open'>, at: Date): Promise<number[]> {
  const rows = await db
    .updateTable('flags')
    .set({ status, resolved_at: at })
    .where('review_item_id', '=', reviewItemId)
    .where('status', '=', 'open')
    .returning('flagger_id')
    .execute();
  return [...new Set(rows.map((r) => r.flagger_id))];
}

export async function listPostFlags(db: Queryable, postId: number) {
  return db
    .selectFrom('flags as f')
    .innerJoin('members as m', 'm.id', 'f.flagger_id')
    .leftJoin('accounts as a', 'a.member_id', 'f.flagger_id')
    .select(['f.id', 'f.reason', 'f.message', 'f.weight', 'f.status', 'f.review_item_id', 'f.created_at', 'f.resolved_at', 'f.flagger_id', 'a.username', 'm.display_name', 'm.trust_level'])
    .where('f.post_id', '=', postId)
    .orderBy('f.id')
    .execute();
}

export type PostFlagRow = Awaited<ReturnType<typeof listPostFlags>>[number];

function memberFlags(db: Queryable) {
  return db
    .selectFrom('flags as f')
    .leftJoin('posts as p', 'p.id', 'f.post_id')
    .leftJoin('accounts as a', 'a.member_id', 'f.target_member_id')
    .select(['f.id', 'f.post_id', 'p.topic_id', 'f.target_member_id', 'a.username', 'f.reason', 'f.message', 'f.status', 'f.created_at', 'f.resolved_at']);
}

/** The member's flags, newest first, keyset-paged on id; one more than `limit`. */
export async function listMemberFlags(db: Queryable, flaggerId: number, page: { limit: number; beforeId: number | undefined }) {
  let query = memberFlags(db).where('f.flagger_id', '=', flaggerId).orderBy('f.id', 'desc').limit(page.limit + 1);
  if (page.beforeId !== undefined) query = query.where('f.id', '<', page.beforeId);
  return query.execute();
}

export async function findMemberFlag(db: Queryable, id: number) {
  return memberFlags(db).where('f.id', '=', id).executeTakeFirst();
}

export type MemberFlagRow = NonNullable<Awaited<ReturnType<typeof findMemberFlag>>>;
