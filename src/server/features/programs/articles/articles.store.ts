// SQL for articles: reviews, "was this helpful?" answers, and a knowledge base's article list.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

/** The article's first post, when it is live (a removed first post gives no contents). */
export async function firstPostHtml(db: Queryable, topicId: number): Promise<string | null> {
  const row = await db.selectFrom('posts').select('html').where('topic_id', '=', topicId).where('post_number', '=', 1).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.html ?? null;
}

export async function findReview(db: Queryable, topicId: number) {
  return db
    .selectFrom('article_reviews')
    .leftJoin('accounts', 'accounts.member_id', 'article_reviews.reviewed_by')
    .select(['article_reviews.reviewed_at', 'article_reviews.reviewed_by', 'accounts.username'])
    .where('article_reviews.topic_id', '=', topicId)
    .executeTakeFirst();
}

export async function upsertReview(db: Queryable, topicId: number, memberId: number, at: Date) {
  const previous = await db.selectFrom('article_reviews').select('reviewed_at').where('topic_id', '=', topicId).forUpdate().executeTakeFirst();
  await db
    .insertInto('article_reviews')
    .values({ topic_id: topicId, reviewed_by: memberId, reviewed_at: at })
    .onConflict((oc) => oc.column('topic_id').doUpdateSet({ reviewed_by: memberId, reviewed_at: at }))
    .execute();
  return previous?.reviewed_at ?? null;
}

export async function helpfulCounts(db: Queryable, topicId: number): Promise<{ yes: number; no: number }> {
  const row = await db
    .selectFrom('article_feedback')
    .select([sql<number>`(count(*) filter (where helpful))::int`.as('yes'), sql<number>`(count(*) filter (where not helpful))::int`.as('no')])
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  return { yes: Number(row?.yes ?? 0), no: Number(row?.no ?? 0) };
}

export async function findFeedback(db: Queryable, topicId: number, memberId: number) {
  return db.selectFrom('article_feedback').select(['helpful', 'comment', 'updated_at']).where('topic_id', '=', topicId).where('member_id', '=', memberId).executeTakeFirst();
}

/** One answer per member and article; answering again replaces it. Returns the previous answer. */
export async function upsertFeedback(db: Queryable, entry: { topicId: number; memberId: number; helpful: boolean; comment: string | null; at: Date }) {
  const previous = await db.selectFrom('article_feedback').select(['helpful', 'comment']).where('topic_id', '=', entry.topicId).where('member_id', '=', entry.memberId).forUpdate().executeTakeFirst();
  await db
    .insertInto('article_feedback')
    .values({ topic_id: entry.topicId, member_id: entry.memberId, helpful: entry.helpful, comment: entry.comment, created_at: entry.at, updated_at: entry.at })
    .onConflict((oc) => oc.columns(['topic_id', 'member_id']).doUpdateSet({ helpful: entry.helpful, comment: entry.comment, updated_at: entry.at }))
    .execute();
  return previous;
}

/** Answers to one article, newest first, keyset-paged on (updated_at, member_id). */
export async function listFeedback(db: Queryable, topicId: number, options: { limit: number; withComment: boolean; before: { at: Date; id: number } | undefined }) {
  let query = db
    .selectFrom('article_feedback')
    .leftJoin('accounts', 'accounts.member_id', 'article_feedback.member_id')
    .select(['article_feedback.member_id', 'accounts.username', 'article_feedback.helpful', 'article_feedback.comment', 'article_feedback.updated_at'])
    .where('article_feedback.topic_id', '=', topicId)
    .orderBy('article_feedback.updated_at', 'desc')
    .orderBy('article_feedback.member_id', 'desc')
    .limit(options.limit + 1);
  if (options.withComment) query = query.where('article_feedback.comment', 'is not', null);
  const before = options.before;
  if (before) query = query.where(sql<boolean>`(article_feedback.updated_at, article_feedback.member_id) < (${before.at}, ${before.id})`);
  return query.execute();
}

/** A knowledge base's live articles with their last review and answer counts (unlisted ones for staff only). */
export async function listArticles(db: Queryable, spaceId: number, options: { includeUnlisted: boolean; limit: number }) {
  let query = db
    .selectFrom('topics')
    .leftJoin('accounts', 'accounts.member_id', 'topics.author_id')
    .leftJoin('article_reviews', 'article_reviews.topic_id', 'topics.id')
    .select([
      'topics.id', 'topics.title', 'topics.slug', 'topics.tags', 'topics.author_id', 'accounts.username', 'topics.created_at', 'topics.last_posted_at',
      'article_reviews.reviewed_at',
      sql<number>`(select count(*) from article_feedback f where f.topic_id = topics.id and f.helpful)::int`.as('yes'),
      sql<number>`(select count(*) from article_feedback f where f.topic_id = topics.id and not f.helpful)::int`.as('no'),
    ])
    .where('topics.space_id', '=', spaceId)
    .where('topics.deleted_at', 'is', null)
    .orderBy('topics.created_at', 'desc')
    .limit(options.limit);
  if (!options.includeUnlisted) query = query.where('topics.unlisted', '=', false);
  return query.execute();
}
