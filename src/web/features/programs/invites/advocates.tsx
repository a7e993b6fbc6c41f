// Staff: members who bring in new members, with how many of those are still active.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Loading } from '../../../components/guards';
import { Link } from '../../../components/link';
import { useResource } from '../../../lib/use-resource';

const periods = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: 'Year' },
];

export function AdvocatesList() {
  const [days, setDays] = useState(90);
  const advocates = useResource(() => call(api.GET('/api/invites/advocates', { params: { query: { days } } })), [days]);
  return (
    <div>
      <h2>Advocates</h2>
      <div class="field">
        <label for="advocates-period">Sign-ups in the last</label>
        <select id="advocates-period" value={String(days)} onChange={(event) => setDays(Number(event.currentTarget.value))}>
          {periods.map((p) => (
            <option key={p.days} value={String(p.days)}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      {advocates.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {advocates.problem.message}
        </p>
      )}
      {advocates.data ? (
        advocates.data.items.length === 0 ? (
          <p class="muted">Nobody has joined through an invite in this period.</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="advocates">
              <caption class="visually-hidden">Members whose invites brought in new members</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Invited</th>
                  <th scope="col">Still active</th>
                </tr>
              </thead>
              <tbody>
                {advocates.data.items.map((a) => (
                  <tr key={a.member.id} data-testid="advocate-row">
                    <th scope="row">{a.member.username ? <Link href={`/u/${encodeURIComponent(a.member.username)}`}>{a.member.displayName}</Link> : a.member.displayName}</th>
                    <td>{a.invited}</td>
                    <td>{a.active}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted">Still active: did something or came by in the last {advocates.data.activeDays} days.</p>
          </div>
        )
      ) : (
        <Loading />
      )}
    </div>
  );
}
