// SQL for bookmarks: a member's marks on posts, with a note and a reminder time.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import { visibleExcerpts } from '../posts/excerpts.store';

/** Adds the bookmark; false when the member had it already (nothing changed then). */
export async function insertBookmark(db: Queryable, b: { memberId: number; postId: number; note: string; remindAt: Date | null; at: Date }): Promise<boolean> {
  const rows = await db
    .insertInto('post_bookmarks')
    .values({ member_id: b.memberId, post_id: b.postId, note: b.note, remind_at: b.remindAt, created_at: b.at })
    .onConflict((oc) => oc.columns(['member_id', 'post_id']).doNothing())
    .returning('post_id')
    .execute();
  return rows.length > 0;
}

export async function updateBookmark(db: Queryable, memberId: number, postId: number, changes: { note?: string; remind_at?: Date | null }): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('post_bookmarks').set(changes).where('member_id', '=', memberId).where('post_id', '=', postId).execute();
}

export async function deleteBookmark(db: Queryable, memberId: number, postId: number): Promise<boolean> {
  const result = await db.deleteFrom('post_bookmarks').where('member_id', '=', memberId).where('post_id', '=', postId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Which of the posts the member bookmarked. */
export async function bookmarkedAmong(db: Queryable, memberId: number, postIds: readonly number[]): Promise<Set<number>> {
  if (postIds.length === 0) return new Set();
  const rows = await db.selectFrom('post_bookmarks').select('post_id').where('member_id', '=', memberId).where('post_id', 'in', [...postIds]).execute();
  return new Set(rows.map((r) => r.post_id));
}

function bookmarkedExcerpts(db: Queryable, memberId: number, spaceIds: readonly number[]) {
  return visibleExcerpts(db, spaceIds)
    .innerJoin('post_bookmarks as b', 'b.post_id', 'posts.id')
    .select(['b.note', 'b.remind_at', 'b.created_at as bookmarked_at'])
    .where('b.member_id', '=', memberId);
}

export async function findBookmark(db: Queryable, memberId: number, postId: number, spaceIds: readonly number[]) {
  if (spaceIds.length === 0) return undefined;
  return bookmarkedExcerpts(db, memberId, spaceIds).where('posts.id', '=', postId).executeTakeFirst();
}

/** The member's bookmarks on posts they may still see, newest first; keyset-paged on (bookmarked at, post id); one more than `limit`. */
export async function listBookmarks(db: Queryable, memberId: number, spaceIds: readonly number[], page: { limit: number; after: { at: Date; postId: number } | undefined }) {
  if (spaceIds.length === 0) return [];
  let query = bookmarkedExcerpts(db, memberId, spaceIds).orderBy('b.created_at', 'desc').orderBy('b.post_id', 'desc').limit(page.limit + 1);
  const after = page.after;
  if (after) query = query.where(sql<boolean>`(b.created_at, b.post_id) < (${after.at}, ${after.postId})`);
  return query.execute();
}

export type BookmarkRow = Awaited<ReturnType<typeof listBookmarks>>[number];
