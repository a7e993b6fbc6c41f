// On a member's profile: their reputation and badges.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';

export function MemberBadges({ username }: { username: string }) {
  const badges = useResource(() => call(api.GET('/api/users/{username}/badges', { params: { path: { username } } })), [username]);
  if (!badges.data) return null;
  const { reputation, items } = badges.data;
  return (
    <section class="member-badges" aria-labelledby="member-badges-title" data-testid="member-badges">
      <h2 id="member-badges-title">Reputation and badges</h2>
      <p>
        Reputation: <strong data-testid="reputation">{reputation}</strong>
      </p>
      {items.length === 0 ? (
        <p class="muted">No badges yet.</p>
      ) : (
        <ul class="tag-chips plain-list" aria-label="Badges">
          {items.map((b) => (
            <li key={b.id}>
              <span class="badge" title={`${b.description}${b.reason ? ` (${b.reason})` : ''} · ${formatDate(b.grantedAt)}`} data-testid="member-badge">
                {b.name}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="small">
        <Link href="/badges">All badges</Link>
      </p>
    </section>
  );
}
