// The header's "Moderation" link for staff, with the number of review items waiting.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { Link } from '../../components/link';
import { useLocation } from '../../lib/router';
import { onQueueChange } from './queue-events';
import { fetchPendingCount, useOnQueueEvent } from './queue-live';

function usePendingCount(): number {
  const { path } = useLocation();
  const [pending, setPending] = useState(0);
  const refresh = useCallback(() => {
    void fetchPendingCount().then((count) => count !== null && setPending(count));
  }, []);
  useEffect(refresh, [path, refresh]);
  useEffect(() => onQueueChange(refresh), [refresh]);
  // Items that arrive, or that other moderators decide, change the count without a page change.
  useOnQueueEvent(refresh);
  return pending;
}

export function ModerationNavLink() {
  const { path } = useLocation();
  const pending = usePendingCount();
  const isCurrent = path === '/moderation' || (path.startsWith('/moderation/') && !path.startsWith('/moderation/mine'));
  return (
    <Link href="/moderation" class="nav-link" aria-current={isCurrent ? 'page' : undefined} data-testid="moderation-link">
      Moderation
      {pending > 0 && (
        <span class="badge badge-count" data-testid="moderation-count">
          <span class="visually-hidden"> (</span>
          {pending}
          <span class="visually-hidden"> waiting)</span>
        </span>
      )}
    </Link>
  );
}
