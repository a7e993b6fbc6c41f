// The viewer's overlay on posts: whether they bookmarked each one (posts come with bookmarked: false).
import type { Queryable } from '../../../platform/db/database';
import type { PostView } from '../posts/posts.schema';
import { bookmarkedAmong } from './bookmarks.store';

export async function withBookmarks(db: Queryable, memberId: number | null, posts: PostView[]): Promise<PostView[]> {
  if (memberId === null || posts.length === 0) return posts;
  const marked = await bookmarkedAmong(db, memberId, posts.map((p) => p.id));
  return marked.size === 0 ? posts : posts.map((p) => (marked.has(p.id) ? { ...p, bookmarked: true } : p));
}
