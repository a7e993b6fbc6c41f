// A two-step destructive action without browser confirm dialogs: the first click asks, the second acts.
import { useState } from 'preact/hooks';
import type { ApiProblem } from '../api/result';
import { useAction } from '../lib/use-action';

interface ConfirmActionProps {
  /** The first button, e.g. "Revoke". */
  label: string;
  /** Names the thing for screen readers, e.g. "Revoke invite for Carol". */
  ariaLabel: string;
  /** The second button, e.g. "Confirm revoke". */
  confirmLabel: string;
  /** Does it; a problem is shown beside the buttons. */
  run: () => Promise<ApiProblem | null>;
}

export function ConfirmAction({ label, ariaLabel, confirmLabel, run }: ConfirmActionProps) {
  const [isConfirming, setConfirming] = useState(false);
  const action = useAction(run);
  if (!isConfirming) {
    return (
      <button type="button" class="button button-small button-secondary" onClick={() => setConfirming(true)} aria-label={ariaLabel}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm">
      <button type="button" class="button button-small button-danger" disabled={action.pending} onClick={() => void action.run()}>
        {confirmLabel}
      </button>
      <button type="button" class="button button-small button-link" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {action.problem && (
        <span role="alert" class="field-error">
          {action.problem.message}
        </span>
      )}
    </span>
  );
}
