// SQL for posts shown outside their topic: live posts of live topics in the spaces a viewer may see.
import type { Queryable } from '../../../platform/db/database';

/** The base query; `spaceIds` must not be empty. */
export function visibleExcerpts(db: Queryable, spaceIds: readonly number[]) {
  return db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .innerJoin('members', 'members.id', 'posts.author_id')
    .leftJoin('accounts', 'accounts.member_id', 'posts.author_id')
    .select([
      'posts.id', 'posts.topic_id', 'posts.post_number', 'posts.author_id', 'posts.html', 'posts.created_at', 'topics.title', 'topics.slug', 'topics.space_id',
      'accounts.username', 'members.display_name',
    ])
    .where('posts.deleted_at', 'is', null)
    .where('topics.deleted_at', 'is', null)
    .where('topics.space_id', 'in', [...spaceIds]);
}

export interface ExcerptRow {
  id: number;
  topic_id: number;
  post_number: number;
  author_id: number;
  html: string;
  created_at: Date;
  title: string;
  slug: string;
  space_id: number;
  username: string | null;
  display_name: string;
}
