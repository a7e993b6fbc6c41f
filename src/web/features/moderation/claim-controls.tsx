// Claim a review item so other moderators see someone is on it, or release the claim.
import { api, type Me } from '../../api/client';
import { call } from '../../api/result';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import type { ReviewItem } from './types';

export function ClaimControls({ item, me, onChange }: { item: ReviewItem; me: Me; onChange: (item: ReviewItem) => void }) {
  const isMine = item.claimedBy === me.username;
  const toggle = useAction(async () => {
    const params = { params: { path: { id: item.id } } };
    const result = isMine ? await call(api.DELETE('/api/moderation/queue/{id}/claim', params)) : await call(api.POST('/api/moderation/queue/{id}/claim', params));
    if (!result.ok) return result.problem;
    onChange(result.data);
  });
  const claimedBy = item.claimedBy;
  return (
    <div class="claim">
      {claimedBy && (
        <p class="small">
          {isMine ? 'You claimed this' : `Claimed by ${claimedBy}`}
          {item.claimedAt ? ` on ${formatDateTime(item.claimedAt)}` : ''}.
        </p>
      )}
      {(claimedBy === null || isMine) && (
        <button type="button" class="button button-secondary button-small" disabled={toggle.pending} onClick={() => void toggle.run()}>
          {isMine ? 'Release' : 'Claim'}
          <span class="visually-hidden"> item {item.id}</span>
        </button>
      )}
      {toggle.problem && (
        <p class="field-error" role="alert">
          {toggle.problem.message}
        </p>
      )}
    </div>
  );
}
