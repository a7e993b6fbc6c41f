// SQL for a member's posts as a viewer may see them, for the profile page.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import { visibleExcerpts, type ExcerptRow } from '../posts/excerpts.store';

export async function memberIdByUsername(db: Queryable, username: string): Promise<number | undefined> {
  const row = await db.selectFrom('accounts').select('member_id').where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  return row?.member_id;
}

/** Newest first, keyset-paged on (created_at, id); one more than `limit`. Unlisted topics only for staff. */
export async function listMemberPosts(
  db: Queryable,
  f: { memberId: number; spaceIds: readonly number[]; onlyTopics: boolean; includeUnlisted: boolean; limit: number; after: { at: Date; id: number } | undefined },
): Promise<ExcerptRow[]> {
  if (f.spaceIds.length === 0) return [];
  let query = visibleExcerpts(db, f.spaceIds)
    .where('posts.author_id', '=', f.memberId)
    .orderBy('posts.created_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(f.limit + 1);
  if (f.onlyTopics) query = query.where('posts.post_number', '=', 1);
  if (!f.includeUnlisted) query = query.where('topics.unlisted', '=', false);
  const after = f.after;
  if (after) query = query.where(sql<boolean>`(posts.created_at, posts.id) < (${after.at}, ${after.id})`);
  return query.execute();
}
