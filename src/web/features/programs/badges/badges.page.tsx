// /badges: every badge, what earns it and how many members hold it.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Loading } from '../../../components/guards';
import { Link } from '../../../components/link';
import { useTitle } from '../../../lib/site';
import { useResource } from '../../../lib/use-resource';

export function BadgesPage() {
  useTitle('Badges');
  const badges = useResource(() => call(api.GET('/api/badges')), []);
  if (badges.status === 'loading' && !badges.data) return <Loading />;
  return (
    <section>
      <div class="page-head">
        <h1>Badges</h1>
        <Link href="/leaderboard">Leaderboard</Link>
      </div>
      {badges.status === 'failed' && <p class="alert alert-error">{badges.problem.message}</p>}
      <ul class="cards plain-list" aria-label="Badges">
        {(badges.data?.items ?? []).map((b) => (
          <li key={b.id} class="group-card" data-testid="badge-card">
            <h2>{b.name}</h2>
            <p>{b.description}</p>
            <p class="small muted">
              {b.grantCount} {b.grantCount === 1 ? 'member holds it' : 'members hold it'}
              {b.rule === null ? ' · granted by staff' : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
