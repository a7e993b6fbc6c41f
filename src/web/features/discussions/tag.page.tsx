// Tags: /tags lists the tags in use with their topic counts; /tags/:tag lists a tag's latest topics.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { usePagedList } from '../../lib/use-paged-list';
import { useResource } from '../../lib/use-resource';
import { tagPath } from './tag-chips';
import { TopicList } from './topic-list';
import { useSpaces } from './use-spaces';

export function TagPage({ tag }: { tag: string }) {
  useTitle(`#${tag}`);
  const { me } = useSession();
  const spaces = useSpaces();
  const feed = usePagedList((cursor) => call(api.GET('/api/topics', { params: { query: { feed: 'latest', tag, ...(cursor ? { cursor } : {}) } } })), `${tag}:${me?.id ?? ''}`);
  return (
    <section class="tag-page">
      <p class="small">
        <Link href="/tags">All tags</Link>
      </p>
      <h1>
        Topics tagged <span class="tag">#{tag}</span>
      </h1>
      {feed.problem && <p class="alert alert-error">{feed.problem.message}</p>}
      {!feed.isLoading || feed.items.length ? <TopicList topics={feed.items} spaces={spaces.data?.items ?? []} label={`Topics tagged ${tag}`} /> : null}
      <ListFooter list={feed} noun="topics" moreLabel="Load more topics" />
    </section>
  );
}

export function TagsPage() {
  useTitle('Tags');
  const { me } = useSession();
  const tags = useResource(() => call(api.GET('/api/tags')), [me?.id ?? null]);
  return (
    <section class="narrow">
      <h1>Tags</h1>
      {tags.status === 'failed' && <p class="alert alert-error">{tags.problem.message}</p>}
      {tags.status === 'loading' && !tags.data && <Loading label="Loading tags…" />}
      {tags.data && tags.data.items.length === 0 && <p class="muted">No tags yet.</p>}
      {tags.data && tags.data.items.length > 0 && (
        <ul class="tag-cloud plain-list" aria-label="Tags">
          {tags.data.items.map((t) => (
            <li key={t.tag}>
              <Link href={tagPath(t.tag)} class="tag tag-link">
                #{t.tag}
              </Link>{' '}
              <span class="small muted">
                {t.topicCount} {t.topicCount === 1 ? 'topic' : 'topics'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
