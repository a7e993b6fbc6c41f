// Post rows from excerpts.store → the PostExcerpt shape.
import { plainExcerpt } from './excerpt.rules';
import type { PostExcerptView } from './excerpts.schema';
import type { ExcerptRow } from './excerpts.store';

export function presentExcerpt(row: ExcerptRow): PostExcerptView {
  return {
    id: row.id,
    topicId: row.topic_id,
    topicTitle: row.title,
    topicSlug: row.slug,
    spaceId: row.space_id,
    postNumber: row.post_number,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    excerpt: plainExcerpt(row.html),
    createdAt: row.created_at.toISOString(),
  };
}
