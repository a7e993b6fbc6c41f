// Search at /search?q=&type=&space=: ranked hits with highlighted snippets, filters for space and type.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { SearchHit } from '../../api/types';
import { Field, Select, formText } from '../../components/form';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { formatDate } from '../../lib/format';
import { navigate, useLocation } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { useResource } from '../../lib/use-resource';
import { topicPath } from '../discussions/paths';
import { useSpaces } from '../discussions/use-spaces';

type HitType = 'topic' | 'post';

function Results({ q, type, space }: { q: string; type: HitType | undefined; space: number | undefined }) {
  const [extra, setExtra] = useState<SearchHit[]>([]);
  const results = useResource(() => call(api.GET('/api/search', { params: { query: { q, ...(type ? { type } : {}), ...(space ? { space } : {}) } } })), [q, type, space]);
  const [nextOffset, setNextOffset] = useState<number | null>(null);
  if (results.status === 'loading' && !results.data) return <Loading label="Searching…" />;
  if (results.status === 'failed') return <p class="alert alert-error">{results.problem.message}</p>;
  if (!results.data) return null;
  const hits = [...results.data.items, ...extra];
  const offset = nextOffset ?? (extra.length ? null : results.data.nextOffset);
  const more = async () => {
    if (offset === null) return;
    const page = await call(api.GET('/api/search', { params: { query: { q, offset, ...(type ? { type } : {}), ...(space ? { space } : {}) } } }));
    if (!page.ok) return;
    setExtra((previous) => [...previous, ...page.data.items]);
    setNextOffset(page.data.nextOffset);
  };
  return (
    <div aria-live="polite">
      <p class="muted" role="status">
        {hits.length === 0 ? 'No results.' : `${hits.length}${offset !== null ? '+' : ''} ${hits.length === 1 ? 'result' : 'results'}`}
      </p>
      <ol class="search-results plain-list">
        {hits.map((hit) => (
          <li key={`${hit.type}-${hit.postId ?? hit.topicId}`} class="search-hit" data-testid="search-hit">
            <Link href={topicPath({ id: hit.topicId }, hit.postNumber)} class="topic-title">
              {hit.title}
            </Link>
            <span class="small muted">
              {' '}
              · {hit.type === 'topic' ? 'Topic' : `Post #${hit.postNumber ?? ''}`} by {hit.author.username ?? hit.author.displayName} · {formatDate(hit.createdAt)}
            </span>
            {/* The API documents snippet as escaped text with only <mark> added. */}
            <p class="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          </li>
        ))}
      </ol>
      {offset !== null && (
        <button type="button" class="button button-secondary" onClick={() => void more()}>
          More results
        </button>
      )}
    </div>
  );
}

export function SearchPage() {
  const { query } = useLocation();
  const q = query.get('q')?.trim() ?? '';
  const typeParam = query.get('type');
  const type: HitType | undefined = typeParam === 'topic' || typeParam === 'post' ? typeParam : undefined;
  const spaceParam = Number(query.get('space'));
  const space = Number.isInteger(spaceParam) && spaceParam > 0 ? spaceParam : undefined;
  const spaces = useSpaces();
  useTitle(q ? `Search: ${q}` : 'Search');
  const submit = (event: Event) => {
    event.preventDefault();
    const text = formText(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    if (text('q').trim()) params.set('q', text('q').trim());
    if (text('type')) params.set('type', text('type'));
    if (text('space')) params.set('space', text('space'));
    navigate(`/search?${params.toString()}`);
  };
  return (
    <section>
      <h1>Search</h1>
      <form role="search" class="filters search-form" onSubmit={submit} key={`${q}|${type ?? ''}|${space ?? ''}`}>
        <Field label="Search for" name="q" type="search" required defaultValue={q} markOptional={false} />
        <Select
          label="Type"
          name="type"
          defaultValue={type ?? ''}
          options={[
            { value: '', label: 'Topics and posts' },
            { value: 'topic', label: 'Topic titles' },
            { value: 'post', label: 'Posts' },
          ]}
        />
        <Select label="Space" name="space" defaultValue={space ? String(space) : ''} options={[{ value: '', label: 'All spaces' }, ...(spaces.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]} />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            Search
          </button>
        </div>
      </form>
      {q && <Results key={`${q}|${type ?? ''}|${space ?? ''}`} q={q} type={type} space={space} />}
    </section>
  );
}
