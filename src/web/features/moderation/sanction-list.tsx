// A member's sanctions: what, why, how long, whether in force, the appeal; staff may lift one early.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import type { Sanction } from './types';
import { sanctionLabels } from './words';

function LiftButton({ sanction, onLifted }: { sanction: Sanction; onLifted: () => void }) {
  const lift = useAction(async () => {
    const result = await call(api.DELETE('/api/moderation/sanctions/{id}', { params: { path: { id: sanction.id } } }));
    if (!result.ok) return result.problem;
    onLifted();
  });
  return (
    <>
      <button type="button" class="button button-secondary button-small" disabled={lift.pending} onClick={() => void lift.run()}>
        Lift<span class="visually-hidden"> the {sanction.kind}</span>
      </button>
      {lift.problem && (
        <span class="field-error" role="alert">
          {lift.problem.message}
        </span>
      )}
    </>
  );
}

export function SanctionSummary({ sanction }: { sanction: Sanction }) {
  return (
    <>
      <p>
        <strong>{sanctionLabels[sanction.kind]}</strong> {sanction.active ? <span class="badge badge-danger">in force</span> : <span class="badge">ended</span>}
      </p>
      <p class="small">
        {sanction.kind === 'warning' ? `Given ${formatDateTime(sanction.startsAt)}` : `From ${formatDateTime(sanction.startsAt)} until ${formatDateTime(sanction.endsAt)}`}
        {sanction.liftedAt ? ` · lifted ${formatDateTime(sanction.liftedAt)}` : ''}
        {sanction.createdBy ? ` · by ${sanction.createdBy}` : ''}
      </p>
      <p>Reason: {sanction.reason}</p>
      {sanction.guideline && <p class="small">Guideline: {sanction.guideline}</p>}
      {sanction.message && <p class="small">Message: {sanction.message}</p>}
      {sanction.appeal && <p class="small">Appeal: {sanction.appeal}</p>}
    </>
  );
}

export function SanctionList({ sanctions, onChanged }: { sanctions: Sanction[]; onChanged: () => void }) {
  if (sanctions.length === 0) return <p class="muted">No sanctions.</p>;
  return (
    <ul class="plain-list" aria-label="Sanctions">
      {sanctions.map((sanction) => (
        <li key={sanction.id} class="sanction" data-testid="sanction">
          <SanctionSummary sanction={sanction} />
          {sanction.active && sanction.kind !== 'warning' && <LiftButton sanction={sanction} onLifted={onChanged} />}
        </li>
      ))}
    </ul>
  );
}
