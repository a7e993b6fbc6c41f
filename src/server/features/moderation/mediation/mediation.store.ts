// SQL for mediation: the facts suggestions are made of, and the mediations themselves.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { FlagsBetween, PairState, RepliesBetween } from './mediation.rules';

const MAX_CANDIDATES = 500;

/** Pairs whose members both flagged the other (a post of theirs or themselves) since then. */
export async function flagsBetweenPairs(db: Queryable, since: Date): Promise<FlagsBetween[]> {
  const a = sql<number>`least(flagger_id, target_member_id)`;
  const b = sql<number>`greatest(flagger_id, target_member_id)`;
  const rows = await db
    .selectFrom('flags')
    .select([
      a.as('member_a'),
      b.as('member_b'),
      sql<string | number>`count(*) filter (where flagger_id < target_member_id)`.as('a_flagged_b'),
      sql<string | number>`count(*) filter (where flagger_id > target_member_id)`.as('b_flagged_a'),
    ])
    .where('created_at', '>=', since)
    .whereRef('flagger_id', '<>', 'target_member_id')
    .groupBy([a, b])
    .having(sql<boolean>`count(distinct flagger_id) = 2`)
    .limit(MAX_CANDIDATES)
    .execute();
  return rows.map((r) => ({ memberA: Number(r.member_a), memberB: Number(r.member_b), aFlaggedB: Number(r.a_flagged_b), bFlaggedA: Number(r.b_flagged_a) }));
}

/** Per topic and pair: replies written since then to each other's posts, each way, and their mean abuse score. */
export async function repliesBetweenPairs(db: Queryable, since: Date, minReplies: number): Promise<RepliesBetween[]> {
  const a = sql<number>`least(p.author_id, q.author_id)`;
  const b = sql<number>`greatest(p.author_id, q.author_id)`;
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('posts as q', (j) => j.onRef('q.id', '=', 'p.reply_to_post_id').onRef('q.topic_id', '=', 'p.topic_id'))
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .leftJoin('post_scores as s', 's.post_id', 'p.id')
    .select([
      'p.topic_id',
      't.title',
      a.as('member_a'),
      b.as('member_b'),
      sql<string | number>`count(*) filter (where p.author_id < q.author_id)`.as('a_to_b'),
      sql<string | number>`count(*) filter (where p.author_id > q.author_id)`.as('b_to_a'),
      sql<string | number | null>`avg(s.hate + s.offensive)`.as('mean_abuse'),
    ])
    .where('p.created_at', '>=', since)
    .whereRef('p.author_id', '<>', 'q.author_id')
    .groupBy(['p.topic_id', 't.title', a, b])
    .having(sql<boolean>`count(*) >= ${minReplies} and count(distinct p.author_id) = 2`)
    .orderBy(sql`avg(s.hate + s.offensive) desc nulls last`)
    .limit(MAX_CANDIDATES)
    .execute();
  return rows.map((r) => ({
    memberA: Number(r.member_a),
    memberB: Number(r.member_b),
    topicId: r.topic_id,
    topicTitle: r.title,
    aRepliedToB: Number(r.a_to_b),
    bRepliedToA: Number(r.b_to_a),
    meanAbuse: r.mean_abuse === null ? null : Number(r.mean_abuse),
  }));
}

/** Pairs with an open mediation or a cool-down that has not ended. */
export async function settledPairs(db: Queryable, now: Date): Promise<PairState[]> {
  const rows = await db
    .selectFrom('mediations')
    .select(['id', 'member_a', 'member_b', 'status', 'cooldown_until'])
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('cooldown_until', '>', now)]))
    .execute();
  const byPair = new Map<string, PairState>();
  for (const r of rows) {
    const key = `${r.member_a}:${r.member_b}`;
    const state = byPair.get(key) ?? { memberA: r.member_a, memberB: r.member_b, openMediationId: null, cooldownUntil: null };
    if (r.status === 'open') state.openMediationId = r.id;
    if (r.cooldown_until && (!state.cooldownUntil || r.cooldown_until > state.cooldownUntil)) state.cooldownUntil = r.cooldown_until;
    byPair.set(key, state);
  }
  return [...byPair.values()];
}

export async function usernamesOf(db: Queryable, memberIds: readonly number[]): Promise<Map<number, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['member_id', 'username']).where('member_id', 'in', [...memberIds]).execute();
  return new Map(rows.map((r) => [r.member_id, r.username]));
}

export async function topicTitle(db: Queryable, topicId: number): Promise<string | undefined> {
  const row = await db.selectFrom('topics').select('title').where('id', '=', topicId).executeTakeFirst();
  return row?.title;
}

export async function openMediationOf(db: Queryable, memberA: number, memberB: number): Promise<number | undefined> {
  const row = await db.selectFrom('mediations').select('id').where('member_a', '=', memberA).where('member_b', '=', memberB).where('status', '=', 'open').executeTakeFirst();
  return row?.id;
}

export async function insertMediation(
  db: Queryable,
  m: { memberA: number; memberB: number; moderatorId: number; conversationId: number; topicId: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('mediations')
    .values({ member_a: m.memberA, member_b: m.memberB, moderator_id: m.moderatorId, conversation_id: m.conversationId, topic_id: m.topicId, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function mediationsWithNames(db: Queryable) {
  return db
    .selectFrom('mediations as m')
    .leftJoin('accounts as aa', 'aa.member_id', 'm.member_a')
    .leftJoin('accounts as ab', 'ab.member_id', 'm.member_b')
    .leftJoin('accounts as am', 'am.member_id', 'm.moderator_id')
    .leftJoin('topics as t', 't.id', 'm.topic_id')
    .select([
      'm.id', 'm.member_a', 'm.member_b', 'm.moderator_id', 'm.conversation_id', 'm.topic_id', 'm.status', 'm.cooldown_until', 'm.outcome', 'm.created_at', 'm.closed_at',
      'aa.username as member_a_username', 'ab.username as member_b_username', 'am.username as moderator_username', 't.title as topic_title',
    ]);
}

export async function findMediation(db: Queryable, id: number) {
  return mediationsWithNames(db).where('m.id', '=', id).executeTakeFirst();
}

export type MediationRow = NonNullable<Awaited<ReturnType<typeof findMediation>>>;

/** Newest first, keyset-paged on id; one more than `limit`. */
export async function listMediations(db: Queryable, options: { status: 'open' | 'closed' | undefined; limit: number; beforeId: number | undefined }): Promise<MediationRow[]> {
  let query = mediationsWithNames(db).orderBy('m.id', 'desc').limit(options.limit + 1);
  if (options.status !== undefined) query = query.where('m.status', '=', options.status);
  if (options.beforeId !== undefined) query = query.where('m.id', '<', options.beforeId);
  return query.execute();
}

export async function setCooldown(db: Queryable, id: number, until: Date | null): Promise<void> {
  await db.updateTable('mediations').set({ cooldown_until: until }).where('id', '=', id).execute();
}

/** Closes an open mediation; false when it was closed already. */
export async function closeMediation(db: Queryable, id: number, outcome: string, at: Date): Promise<boolean> {
  const rows = await db.updateTable('mediations').set({ status: 'closed', outcome, closed_at: at }).where('id', '=', id).where('status', '=', 'open').returning('id').execute();
  return rows.length > 0;
}
