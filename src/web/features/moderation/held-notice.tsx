// What the composer shows when moderation holds a new post (202): it waits for review, why, and where to follow it.
import type { ApiProblem } from '../../api/result';
import { Link } from '../../components/link';
import { ReasonDetails } from './reason-details';
import { minePath } from './paths';
import type { HeldPost } from './types';

/** Always in the page so screen readers announce the notice as soon as it appears. */
export function HeldNotice({ held, onDismiss }: { held: HeldPost | null; onDismiss?: () => void }) {
  return (
    <div role="status" aria-live="polite" class="held-region">
      {held && (
        <div class="alert alert-warn held-notice" data-testid="held-notice">
          <p class="held-title">
            <strong>Your post is waiting for review.</strong> Nobody else can see it until a moderator approves it.
          </p>
          <ReasonDetails reason={held.reason} />
          <p class="actions">
            <Link href={`${minePath}?post=${held.id}`}>Follow it in My moderation</Link>
            {onDismiss && (
              <button type="button" class="button button-link" onClick={onDismiss}>
                Dismiss
              </button>
            )}
          </p>
        </div>
      )}
    </div>
  );
}

const explained = new Set(['account_silenced', 'post_rejected', 'cooldown_active']);

/** After a refused post: a link to the member's moderation page, where sanctions and limits are explained. */
export function ModerationProblemLink({ problem }: { problem: ApiProblem | null }) {
  if (!problem || !explained.has(problem.code)) return null;
  return (
    <p class="small">
      <Link href={minePath}>See My moderation</Link> for your sanctions, held posts and appeals.
    </p>
  );
}
