// What the post gate reads about an author before a post is written: one round trip for the account,
// one for the author's posts of the last 24 hours (rate and duplicate conditions), and the pair
// cool-downs and slow mode when they apply.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

export async function authorFacts(db: Queryable, memberId: number) {
  return db
    .selectFrom('members as m')
    .innerJoin('accounts as a', 'a.member_id', 'm.id')
    .select(['m.id', 'm.trust_level', 'm.joined_at', 'a.role', 'a.silenced_until', 'a.username'])
    .select((eb) =>
      eb.selectFrom('posts').select((e) => e.fn.countAll<string | number>().as('n')).where('posts.author_id', '=', memberId).where('posts.moderation_state', 'is', null).as('post_count'),
    )
    .where('m.id', '=', memberId)
    .executeTakeFirst();
}

/** The author's posts of the last day (any state), newest first, at most 200. */
export async function recentPosts(db: Queryable, memberId: number, since: Date) {
  return db
    .selectFrom('posts')
    .select(['created_at', 'body', 'topic_id'])
    .where('author_id', '=', memberId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export async function topicModeration(db: Queryable, topicId: number) {
  return db.selectFrom('topics').select(['slow_mode_seconds', 'author_id']).where('id', '=', topicId).executeTakeFirst();
}

/** The other members of pairs in a cool-down with this member, among the given ones. */
export async function cooledDownWith(db: Queryable, memberId: number, others: readonly number[], at: Date): Promise<number[]> {
  if (others.length === 0) return [];
  const rows = await db
    .selectFrom('mediations')
    .select(sql<number>`case when member_a = ${memberId} then member_b else member_a end`.as('other'))
    .where('cooldown_until', '>', at)
    .where((eb) =>
      eb.or([
        eb.and([eb('member_a', '=', memberId), eb('member_b', 'in', others)]),
        eb.and([eb('member_b', '=', memberId), eb('member_a', 'in', others)]),
      ]),
    )
    .execute();
  return rows.map((r) => Number(r.other));
}

export async function postAuthor(db: Queryable, postId: number): Promise<number | undefined> {
  const row = await db.selectFrom('posts').select('author_id').where('id', '=', postId).executeTakeFirst();
  return row?.author_id;
}


export async function insertScores(db: Queryable, postId: number, scores: { spam: number; hate: number; offensive: number; spamVersion: string; abuseVersion: string }): Promise<void> {
  await db
    .insertInto('post_scores')
    .values({ post_id: postId, spam: scores.spam, hate: scores.hate, offensive: scores.offensive, spam_version: scores.spamVersion, abuse_version: scores.abuseVersion })
    .onConflict((oc) => oc.column('post_id').doNothing())
    .execute();
}
