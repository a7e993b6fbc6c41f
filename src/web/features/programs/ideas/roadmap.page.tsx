// An ideas board's roadmap at /s/:slug/:id/roadmap: a column per status (under review, planned, in
// progress, done), the most voted ideas first.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Loading } from '../../../components/guards';
import { Link } from '../../../components/link';
import { useSession } from '../../../lib/session';
import { useTitle } from '../../../lib/site';
import { useResource } from '../../../lib/use-resource';
import { spacePath, topicPath } from '../../discussions/paths';
import { useSpaces } from '../../discussions/use-spaces';
import { statusLabels, votesLabel } from './types';
import './ideas.css';

export function RoadmapPage({ id }: { id: number }) {
  const { me } = useSession();
  const spaces = useSpaces();
  const space = spaces.data?.items.find((s) => s.id === id);
  useTitle(space ? `Roadmap · ${space.name}` : 'Roadmap');
  const roadmap = useResource(() => call(api.GET('/api/spaces/{id}/roadmap', { params: { path: { id } } })), [id, me?.id ?? null]);

  if ((spaces.status === 'loading' && !spaces.data) || (roadmap.status === 'loading' && !roadmap.data)) return <Loading />;
  if (!space || space.kind !== 'ideas' || roadmap.status === 'failed') {
    return (
      <section>
        <h1>Roadmap not found</h1>
        <p>
          <Link href="/">Back to the home page</Link>
        </p>
      </section>
    );
  }
  return (
    <section class="roadmap-page">
      <div class="page-head">
        <h1>Roadmap · {space.name}</h1>
        <Link href={spacePath(space)} class="button button-secondary">
          All ideas
        </Link>
      </div>
      <div class="roadmap-columns">
        {roadmap.data?.columns.map((column) => (
          <section key={column.status} class="roadmap-column panel" aria-labelledby={`roadmap-${column.status}`} data-testid={`roadmap-${column.status}`}>
            <h2 id={`roadmap-${column.status}`}>
              {statusLabels[column.status]} <span class="badge">{column.count}</span>
            </h2>
            {column.items.length === 0 ? (
              <p class="muted small">Nothing here yet.</p>
            ) : (
              <ul class="roadmap-list">
                {column.items.map((idea) => (
                  <li key={idea.topicId} data-testid="roadmap-idea">
                    <Link href={topicPath({ id: idea.topicId, slug: idea.slug })}>{idea.title}</Link>
                    <span class="small muted"> · {votesLabel(idea.votes)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
