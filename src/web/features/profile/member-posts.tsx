// A member's recent posts, or the topics they started, on their public profile.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { usePagedList } from '../../lib/use-paged-list';
import { topicPath } from '../discussions/paths';

type Kind = 'posts' | 'topics';

export function MemberPosts({ username }: { username: string }) {
  const { me } = useSession();
  const [kind, setKind] = useState<Kind>('posts');
  const list = usePagedList(
    (cursor) => call(api.GET('/api/users/{username}/posts', { params: { path: { username }, query: { type: kind, ...(cursor ? { cursor } : {}) } } })),
    `${username}:${kind}:${me?.id ?? ''}`,
  );
  const labels: Record<Kind, string> = { posts: 'Posts', topics: 'Topics started' };
  return (
    <section class="member-posts" aria-labelledby="member-posts-heading">
      <h2 id="member-posts-heading">Recent activity</h2>
      <div class="staff-controls" role="group" aria-label="Show">
        {(Object.keys(labels) as Kind[]).map((k) => (
          <button key={k} type="button" class="button button-secondary button-small" aria-pressed={kind === k ? 'true' : 'false'} onClick={() => setKind(k)}>
            {labels[k]}
          </button>
        ))}
      </div>
      {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
      {!list.isLoading && list.items.length === 0 && <p class="muted">{kind === 'posts' ? 'No posts yet.' : 'No topics yet.'}</p>}
      <ul class="member-post-list plain-list" aria-label={labels[kind]}>
        {list.items.map((post) => (
          <li key={post.id} class="member-post" data-testid="member-post">
            <Link href={topicPath({ id: post.topicId, slug: post.topicSlug }, post.postNumber)} class="topic-title">
              {post.topicTitle}
            </Link>
            <span class="small muted">
              {' '}
              · {post.postNumber === 1 ? 'started the topic' : `post #${post.postNumber}`} · <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
            </span>
            <p class="excerpt">{post.excerpt}</p>
          </li>
        ))}
      </ul>
      <ListFooter list={list} noun="posts" moreLabel="Load more" />
    </section>
  );
}
