// SQL for Q&A: accepted answers, votes, first-answer times, the question list and its statistics.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { QuestionFilter } from './qa.schema';

/** A post with its topic's asker and space kind (deleted ones too: callers decide); `lock` holds the post row (only) until the transaction ends. */
export async function findAnswerPost(db: Queryable, postId: number, lock = false) {
  const query = db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .innerJoin('spaces as s', 's.id', 't.space_id')
    .select(['p.id', 'p.topic_id', 'p.author_id', 'p.post_number', 'p.deleted_at', 'p.created_at', 't.author_id as asker_id', 't.space_id', 't.title', 't.deleted_at as topic_deleted_at', 's.kind'])
    .where('p.id', '=', postId);
  return (lock ? query.forUpdate('p') : query).executeTakeFirst();
}
export type AnswerPostRow = NonNullable<Awaited<ReturnType<typeof findAnswerPost>>>;

/** The question's Q&A row; `lock` holds the topic row so acceptances on one topic queue up. */
export async function findQaTopic(db: Queryable, topicId: number, lock = false) {
  if (lock) await db.selectFrom('topics').select('id').where('id', '=', topicId).forUpdate().execute();
  return db.selectFrom('qa_topics').selectAll().where('topic_id', '=', topicId).executeTakeFirst();
}

export async function setAccepted(db: Queryable, topicId: number, accepted: { postId: number; by: number; at: Date } | null): Promise<void> {
  const values = { accepted_post_id: accepted?.postId ?? null, accepted_by: accepted?.by ?? null, accepted_at: accepted?.at ?? null };
  await db
    .insertInto('qa_topics')
    .values({ topic_id: topicId, ...values })
    .onConflict((oc) => oc.column('topic_id').doUpdateSet(values))
    .execute();
}

/** Records the answer as the question's first unless an earlier one is known: idempotent, in any order. */
export async function recordFirstAnswer(db: Queryable, topicId: number, postId: number, at: Date): Promise<void> {
  await db
    .insertInto('qa_topics')
    .values({ topic_id: topicId, first_answer_post_id: postId, first_answer_at: at })
    .onConflict((oc) =>
      oc
        .column('topic_id')
        .doUpdateSet({ first_answer_post_id: postId, first_answer_at: at })
        .where(sql<boolean>`qa_topics.first_answer_at is null or qa_topics.first_answer_at > ${at}`),
    )
    .execute();
}

/** Questions in Q&A spaces whose first answer is not recorded yet, with their earliest live answer. */
export async function missingFirstAnswers(db: Queryable) {
  return db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .innerJoin('spaces as s', 's.id', 't.space_id')
    .leftJoin('qa_topics as q', 'q.topic_id', 't.id')
    .select(['t.id as topic_id', sql<number>`(array_agg(p.id order by p.created_at, p.id))[1]`.as('post_id'), sql<Date>`min(p.created_at)`.as('at')])
    .where('s.kind', '=', 'qa')
    .where('q.first_answer_at', 'is', null)
    .where('p.post_number', '>', 1)
    .where('p.deleted_at', 'is', null)
    .whereRef('p.author_id', '<>', 't.author_id')
    .groupBy('t.id')
    .execute();
}

/** Throws the unique violation of qa_votes_pkey for a repeated vote. */
export async function insertVote(db: Queryable, vote: { postId: number; memberId: number; topicId: number; at: Date }): Promise<void> {
  await db.insertInto('qa_votes').values({ post_id: vote.postId, member_id: vote.memberId, topic_id: vote.topicId, created_at: vote.at }).execute();
}

export async function deleteVote(db: Queryable, postId: number, memberId: number): Promise<boolean> {
  const rows = await db.deleteFrom('qa_votes').where('post_id', '=', postId).where('member_id', '=', memberId).returning('post_id').execute();
  return rows.length > 0;
}

export async function votesOn(db: Queryable, postId: number): Promise<number> {
  const row = await db.selectFrom('qa_votes').select(sql<string>`count(*)`.as('n')).where('post_id', '=', postId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function voteCounts(db: Queryable, topicId: number): Promise<{ postId: number; count: number }[]> {
  const rows = await db
    .selectFrom('qa_votes as v')
    .innerJoin('posts as p', 'p.id', 'v.post_id')
    .select(['v.post_id', sql<string>`count(*)`.as('n')])
    .where('v.topic_id', '=', topicId)
    .where('p.deleted_at', 'is', null)
    .groupBy('v.post_id')
    .orderBy('v.post_id')
    .execute();
  return rows.map((r) => ({ postId: r.post_id, count: Number(r.n) }));
}

export async function myVotes(db: Queryable, topicId: number, memberId: number): Promise<number[]> {
  const rows = await db.selectFrom('qa_votes').select('post_id').where('topic_id', '=', topicId).where('member_id', '=', memberId).orderBy('post_id').execute();
  return rows.map((r) => r.post_id);
}

/** A live post with its author, for the accepted-answer panel. */
export async function findAnswerWithAuthor(db: Queryable, postId: number) {
  return db
    .selectFrom('posts as p')
    .innerJoin('members as m', 'm.id', 'p.author_id')
    .leftJoin('accounts as a', 'a.member_id', 'p.author_id')
    .select(['p.id', 'p.post_number', 'p.html', 'p.created_at', 'p.author_id', 'a.username', 'm.display_name'])
    .where('p.id', '=', postId)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface QuestionListOptions {
  filter: QuestionFilter;
  limit: number;
  after: { at: Date; id: number } | undefined;
  includeUnlisted: boolean;
}

/** A Q&A space's live questions, newest first, keyset-paged on (created_at, id); one more than `limit`. */
export async function listQuestions(db: Queryable, spaceId: number, options: QuestionListOptions) {
  let query = db
    .selectFrom('topics as t')
    .innerJoin('members as m', 'm.id', 't.author_id')
    .leftJoin('accounts as a', 'a.member_id', 't.author_id')
    .leftJoin('qa_topics as q', 'q.topic_id', 't.id')
    .select([
      't.id', 't.space_id', 't.title', 't.slug', 't.tags', 't.author_id', 'a.username', 'm.display_name', 't.reply_count', 't.created_at', 't.last_posted_at', 'q.accepted_post_id',
      sql<string>`(select count(*) from qa_votes v join posts vp on vp.id = v.post_id where v.topic_id = t.id and vp.deleted_at is null)`.as('vote_count'),
    ])
    .where('t.space_id', '=', spaceId)
    .where('t.deleted_at', 'is', null)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(options.limit + 1);
  if (!options.includeUnlisted) query = query.where('t.unlisted', '=', false);
  if (options.filter === 'answered') query = query.where('q.accepted_post_id', 'is not', null);
  if (options.filter === 'unanswered') query = query.where('t.reply_count', '=', 0);
  if (options.after) query = query.where(sql<boolean>`(t.created_at, t.id) < (${options.after.at}, ${options.after.id})`);
  return query.execute();
}
export type QuestionRow = Awaited<ReturnType<typeof listQuestions>>[number];

/** Counts and median hours over the space's live questions asked since `since`. */
export async function qaStats(db: Queryable, spaceId: number, since: Date) {
  const hours = (from: string) => sql.raw(`extract(epoch from (${from} - t.created_at)) / 3600.0`);
  return db
    .selectFrom('topics as t')
    .leftJoin('qa_topics as q', 'q.topic_id', 't.id')
    .select([
      sql<string>`count(*)`.as('questions'),
      sql<string>`count(q.first_answer_at)`.as('with_answer'),
      sql<string>`count(q.accepted_post_id)`.as('answered'),
      sql<number | string | null>`percentile_cont(0.5) within group (order by ${hours('q.first_answer_at')})`.as('first_hours'),
      sql<number | string | null>`percentile_cont(0.5) within group (order by case when q.accepted_post_id is not null then ${hours('q.accepted_at')} end)`.as('accepted_hours'),
    ])
    .where('t.space_id', '=', spaceId)
    .where('t.deleted_at', 'is', null)
    .where('t.created_at', '>=', since)
    .executeTakeFirstOrThrow();
}
