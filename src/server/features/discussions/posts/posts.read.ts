// Reading posts with their reactions, for the topic page and single-post answers.
import type { Queryable } from '../../../platform/db/database';
import { limits } from '../discussions.rules';
import { presentPost, type Viewer } from './posts.presenter';
import type { PostView } from './posts.schema';
import { findPost, listPosts, reactionCounts } from './posts.store';

export async function readPostPage(db: Queryable, topicId: number, after: number, viewer: Viewer): Promise<{ posts: PostView[]; nextAfter: number | null }> {
  const rows = await listPosts(db, topicId, after, limits.postsPerPage, viewer.isStaff);
  const page = rows.slice(0, limits.postsPerPage);
  const reactions = await reactionCounts(db, page.map((r) => r.id), viewer.memberId);
  const last = page[page.length - 1];
  return { posts: page.map((r) => presentPost(r, reactions, viewer)), nextAfter: rows.length > page.length && last ? last.post_number : null };
}

export async function readPost(db: Queryable, postId: number, viewer: Viewer): Promise<PostView | undefined> {
  const row = await findPost(db, postId);
  if (!row) return undefined;
  return presentPost(row, await reactionCounts(db, [row.id], viewer.memberId), viewer);
}
