// For staff: how a Q&A space is doing over the last 30, 90 or 365 days — questions asked, the share
// answered (with a bar), and the median hours to a first answer and to an accepted answer.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import type { Space } from '../../../api/types';
import { useResource } from '../../../lib/use-resource';

const periods = [30, 90, 365] as const;
const hours = (value: number | null): string => (value === null ? '—' : value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`);

export function QaStats({ space }: { space: Space }) {
  const [days, setDays] = useState<(typeof periods)[number]>(30);
  const stats = useResource(() => call(api.GET('/api/spaces/{id}/qa-stats', { params: { path: { id: space.id }, query: { days } } })), [space.id, days]);
  const data = stats.data;
  const share = data ? Math.round(data.answeredShare * 100) : 0;
  return (
    <section class="panel qa-stats" aria-labelledby="qa-stats-heading">
      <div class="page-head">
        <h2 id="qa-stats-heading">Response times</h2>
        <div role="group" aria-label="Period">
          {periods.map((d) => (
            <button key={d} type="button" class="button button-secondary button-small" aria-pressed={d === days ? 'true' : 'false'} onClick={() => setDays(d)}>
              {d} days
            </button>
          ))}
        </div>
      </div>
      {stats.status === 'failed' && <p class="alert alert-error">{stats.problem.message}</p>}
      {data && (
        <>
          <dl class="facts" data-testid="qa-stats">
            <dt>Questions</dt>
            <dd>{data.questions}</dd>
            <dt>With an answer</dt>
            <dd>{data.withAnswer}</dd>
            <dt>Accepted answer</dt>
            <dd>
              {data.answered} ({share}%)
            </dd>
            <dt>Median time to a first answer</dt>
            <dd>{hours(data.medianHoursToFirstAnswer)}</dd>
            <dt>Median time to an accepted answer</dt>
            <dd>{hours(data.medianHoursToAccepted)}</dd>
          </dl>
          <div class="share-bar" role="img" aria-label={`${share}% of questions have an accepted answer`}>
            <span style={{ width: `${share}%` }} />
          </div>
        </>
      )}
    </section>
  );
}
