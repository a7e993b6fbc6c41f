// For admins: how often each moderator's actions are appealed and overturned.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { useResource } from '../../lib/use-resource';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function AppealStats() {
  const stats = useResource(() => call(api.GET('/api/moderation/appeal-stats')), []);
  if (stats.status === 'failed') return <p class="alert alert-error">{stats.problem.message}</p>;
  if (!stats.data) return null;
  return (
    <section aria-labelledby="appeal-stats-title" class="appeal-stats">
      <h3 id="appeal-stats-title">Appeals per moderator</h3>
      <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Moderator</th>
            <th scope="col">Actions</th>
            <th scope="col">Appealed</th>
            <th scope="col">Overturned</th>
            <th scope="col">Reduced</th>
            <th scope="col">Overturn rate</th>
          </tr>
        </thead>
        <tbody>
          {stats.data.items.map((row) => (
            <tr key={row.moderator.id}>
              <th scope="row">{row.moderator.username ?? `#${row.moderator.id}`}</th>
              <td>{row.actions}</td>
              <td>{row.appeals}</td>
              <td>{row.overturned}</td>
              <td>{row.reduced}</td>
              <td>{percent(row.overturnRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
