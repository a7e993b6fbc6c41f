// Appeals for staff, pending first by default, each with its decision form.
import { useEffect, useState } from 'preact/hooks';
import { api, type Me } from '../../api/client';
import { call } from '../../api/result';
import { Loading } from '../../components/guards';
import { Select } from '../../components/form';
import { useLocation } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { AppealCard } from './appeal-card';
import { AppealStats } from './appeal-stats';
import type { Appeal, AppealStatus } from './types';
import { appealStatusLabels } from './words';

const statuses = Object.keys(appealStatusLabels) as AppealStatus[];

export function AppealList({ appeals, me, empty }: { appeals: Appeal[]; me: Me; empty: string }) {
  const [decided, setDecided] = useState<Map<number, Appeal>>(new Map());
  if (appeals.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="plain-list appeal-list" aria-label="Appeals">
      {appeals.map((appeal) => (
        <AppealCard key={appeal.id} appeal={decided.get(appeal.id) ?? appeal} me={me} onChange={(next) => setDecided((previous) => new Map(previous).set(next.id, next))} />
      ))}
    </ul>
  );
}

export function AppealsTab({ me }: { me: Me }) {
  const [status, setStatus] = useState<AppealStatus | ''>('pending');
  const appeals = useResource(() => call(api.GET('/api/moderation/appeals', { params: { query: { limit: 100, ...(status ? { status } : {}) } } })), [status]);
  const { query } = useLocation();
  const linked = query.get('id');
  // A notice links to /moderation/appeals?id=N: bring that appeal into view once it is listed.
  useEffect(() => {
    if (linked && appeals.data) document.getElementById(`appeal-${linked}`)?.scrollIntoView({ block: 'start' });
  }, [linked, appeals.data]);
  return (
    <div>
      <h2>Appeals</h2>
      <div class="filters">
        <Select
          label="Show"
          name="status"
          defaultValue="pending"
          onChange={(value) => setStatus(statuses.find((s) => s === value) ?? '')}
          options={[...statuses.map((s) => ({ value: s, label: appealStatusLabels[s] })), { value: '', label: 'All appeals' }]}
        />
      </div>
      {appeals.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {appeals.problem.message}
        </p>
      )}
      {appeals.status === 'loading' && !appeals.data && <Loading />}
      {appeals.data && <AppealList key={status} appeals={appeals.data.items} me={me} empty={status === 'pending' ? 'No appeals wait for a decision.' : 'No appeals.'} />}
      {me.role === 'admin' && <AppealStats />}
    </div>
  );
}
