// /leaderboard: reputation gained per period (week, month, year, all time), top 50.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { Tabs } from '../../../components/tabs';
import { useTitle } from '../../../lib/site';
import { useResource } from '../../../lib/use-resource';
import type { LeaderboardPeriod } from './types';

const periods: { id: LeaderboardPeriod; label: string }[] = [
  { id: 'week', label: 'This week' },
  { id: 'month', label: 'This month' },
  { id: 'year', label: 'This year' },
  { id: 'all', label: 'All time' },
];

export function LeaderboardPage() {
  useTitle('Leaderboard');
  const [period, setPeriod] = useState<LeaderboardPeriod>('month');
  const board = useResource(() => call(api.GET('/api/leaderboard', { params: { query: { period } } })), [period]);
  const items = board.data?.period === period ? board.data.items : [];
  return (
    <section>
      <div class="page-head">
        <h1>Leaderboard</h1>
        <Link href="/badges">Badges</Link>
      </div>
      <p class="lead">Reputation from answers in Q&amp;A spaces: accepted answers and up-votes.</p>
      <Tabs label="Period" tabs={periods} selected={period} onSelect={(id) => setPeriod(id as LeaderboardPeriod)}>
        {board.status === 'failed' && <p class="alert alert-error">{board.problem.message}</p>}
        {board.status === 'loading' && <p role="status">Loading…</p>}
        {board.status === 'ready' && items.length === 0 && <p class="muted">No reputation gained in this period yet.</p>}
        {items.length > 0 && (
          <div class="table-wrap">
            <table data-testid="leaderboard">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Member</th>
                  <th scope="col">Points</th>
                  <th scope="col">Badges</th>
                </tr>
              </thead>
              <tbody>
                {items.map((row) => (
                  <tr key={row.member.id} data-testid="leaderboard-row">
                    <td>{row.rank}</td>
                    <td>{row.member.username ? <Link href={`/u/${encodeURIComponent(row.member.username)}`}>{row.member.username}</Link> : row.member.displayName}</td>
                    <td data-testid="points">{row.points}</td>
                    <td>{row.badgeCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Tabs>
    </section>
  );
}
