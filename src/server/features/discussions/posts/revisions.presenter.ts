// A post and its stored revisions → every revision from the first to the current one, each with its
// editor and a line diff from the one before. Row n of post_revisions holds the body at revision n and
// who replaced it (and when): so revision n+1 was written by that editor at that time.
import { lineDiff } from './line-diff.rules';
import type { AuthorView, RevisionView } from './posts.schema';
import type { PostRow, RevisionRow } from './posts.store';

export function presentRevisions(post: PostRow & { edited_at: Date | null }, rows: readonly RevisionRow[]): RevisionView[] {
  const byNumber = new Map(rows.map((r) => [r.revision, r]));
  const editorOf = (row: RevisionRow | undefined): AuthorView | null =>
    row?.editor_id != null && row.display_name != null ? { id: row.editor_id, username: row.username, displayName: row.display_name } : null;
  const items: RevisionView[] = [];
  let previous: string | null = null;
  for (let n = 1; n <= post.revision; n++) {
    const replacing = byNumber.get(n - 1);
    const body = n === post.revision ? post.body : (byNumber.get(n)?.body ?? '');
    const editor = n === 1 ? { id: post.author_id, username: post.username, displayName: post.display_name } : editorOf(replacing);
    const createdAt = n === 1 ? post.created_at : (replacing?.created_at ?? post.edited_at ?? post.created_at);
    items.push({ revision: n, body, editor, createdAt: createdAt.toISOString(), diff: previous === null ? null : lineDiff(previous, body) });
    previous = body;
  }
  return items;
}
