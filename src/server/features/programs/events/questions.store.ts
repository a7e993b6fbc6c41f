// SQL for AMA questions: asking, one upvote per member, answering once.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

function questions(db: Queryable) {
  return db
    .selectFrom('event_questions as q')
    .innerJoin('members as m', 'm.id', 'q.author_id')
    .leftJoin('accounts as a', 'a.member_id', 'q.author_id')
    .leftJoin('posts as p', 'p.id', 'q.answer_post_id')
    .select(['q.id', 'q.event_id', 'q.author_id', 'q.body', 'q.html', 'q.vote_count', 'q.answered_at', 'q.answer_post_id', 'q.created_at', 'a.username', 'm.display_name', 'p.post_number as answer_post_number']);
}

export async function findQuestion(db: Queryable, eventId: number, id: number) {
  return questions(db).where('q.event_id', '=', eventId).where('q.id', '=', id).executeTakeFirst();
}

export type QuestionRow = NonNullable<Awaited<ReturnType<typeof findQuestion>>>;

export async function listQuestions(db: Queryable, eventId: number, sort: 'votes' | 'new') {
  let query = questions(db).where('q.event_id', '=', eventId);
  query = sort === 'votes' ? query.orderBy('q.vote_count', 'desc').orderBy('q.id', 'asc') : query.orderBy('q.id', 'desc');
  return query.limit(500).execute();
}

export async function insertQuestion(db: Queryable, q: { eventId: number; authorId: number; body: string; html: string; at: Date }): Promise<number> {
  const row = await db
    .insertInto('event_questions')
    .values({ event_id: q.eventId, author_id: q.authorId, body: q.body, html: q.html, created_at: q.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** false when the member already voted (nothing changes). */
export async function addVote(db: Queryable, questionId: number, memberId: number): Promise<boolean> {
  const inserted = await db.insertInto('event_question_votes').values({ question_id: questionId, member_id: memberId }).onConflict((oc) => oc.doNothing()).returning('question_id').executeTakeFirst();
  if (!inserted) return false;
  await db.updateTable('event_questions').set({ vote_count: sql<number>`vote_count + 1` }).where('id', '=', questionId).execute();
  return true;
}

/** false when the member had not voted. */
export async function removeVote(db: Queryable, questionId: number, memberId: number): Promise<boolean> {
  const deleted = await db.deleteFrom('event_question_votes').where('question_id', '=', questionId).where('member_id', '=', memberId).returning('question_id').executeTakeFirst();
  if (!deleted) return false;
  await db.updateTable('event_questions').set({ vote_count: sql<number>`vote_count - 1` }).where('id', '=', questionId).execute();
  return true;
}

export async function votedAmong(db: Queryable, memberId: number, questionIds: readonly number[]): Promise<Set<number>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db.selectFrom('event_question_votes').select('question_id').where('member_id', '=', memberId).where('question_id', 'in', [...questionIds]).execute();
  return new Set(rows.map((r) => r.question_id));
}

/** Claims the question for an answer; false when someone answered it already. */
export async function claimAnswer(db: Queryable, questionId: number, hostId: number, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('event_questions')
    .set({ answered_at: at, answered_by: hostId })
    .where('id', '=', questionId)
    .where('answered_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setAnswerPost(db: Queryable, questionId: number, postId: number): Promise<void> {
  await db.updateTable('event_questions').set({ answer_post_id: postId }).where('id', '=', questionId).execute();
}

/** Gives the question back when writing the answer failed. */
export async function releaseAnswer(db: Queryable, questionId: number): Promise<void> {
  await db.updateTable('event_questions').set({ answered_at: null, answered_by: null, answer_post_id: null }).where('id', '=', questionId).execute();
}

/** The event topic's id and slug, for links to answers. */
export async function topicLink(db: Queryable, topicId: number) {
  return db.selectFrom('topics').select(['id', 'slug']).where('id', '=', topicId).executeTakeFirst();
}
