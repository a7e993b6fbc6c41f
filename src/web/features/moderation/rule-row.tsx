// One automod rule in the list: hits, a problem if it can never match, switch on/off, move, edit, delete.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { actionSpecs, conditionSpecs } from './rule-specs';
import type { AutomodRule, RuleInput } from './types';

function inputOf(rule: AutomodRule, enabled: boolean): RuleInput {
  return { name: rule.name, enabled, conditions: rule.conditions, actions: rule.actions, ...(rule.message ? { message: rule.message } : {}), ...(rule.guideline ? { guideline: rule.guideline } : {}) };
}

interface RuleRowProps {
  rule: AutomodRule;
  index: number;
  count: number;
  onChanged: (rule: AutomodRule) => void;
  onDeleted: () => void;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
}

export function RuleRow({ rule, index, count, onChanged, onDeleted, onMove, onEdit }: RuleRowProps) {
  const [isConfirming, setConfirming] = useState(false);
  const toggle = useAction(async () => {
    const result = await call(api.PUT('/api/moderation/automod/rules/{id}', { params: { path: { id: rule.id } }, body: inputOf(rule, !rule.enabled) }));
    if (!result.ok) return result.problem;
    onChanged(result.data);
  });
  const remove = useAction(async () => {
    const result = await call(api.DELETE('/api/moderation/automod/rules/{id}', { params: { path: { id: rule.id } } }));
    if (!result.ok) return result.problem;
    onDeleted();
  });
  const problem = toggle.problem ?? remove.problem;
  const headingId = `rule-${rule.id}-name`;
  return (
    <li class="rule-row" aria-labelledby={headingId} data-testid="rule">
      <div class="member-head">
        <h3 id={headingId}>
          {index + 1}. {rule.name}
        </h3>
        <span class={rule.enabled ? 'badge' : 'badge badge-warn'}>{rule.enabled ? 'on' : 'off'}</span>
        <span class="badge">
          {rule.hits} {rule.hits === 1 ? 'hit' : 'hits'}
        </span>
      </div>
      <p class="small muted">
        When {rule.conditions.map((c) => conditionSpecs[c.type].label.toLowerCase()).join(' and ')}: {rule.actions.map((a) => actionSpecs[a.type].label.toLowerCase()).join(', ')}. Last hit{' '}
        {formatDateTime(rule.lastHitAt, 'never')}.
      </p>
      {rule.problem && <p class="alert alert-warn">This rule can never match: {rule.problem}</p>}
      <div class="actions">
        <button type="button" class="button button-secondary button-small" role="switch" aria-checked={rule.enabled ? 'true' : 'false'} disabled={toggle.pending} onClick={() => void toggle.run()}>
          Enabled<span class="visually-hidden">: {rule.name}</span>
        </button>
        <button type="button" class="button button-link" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          Move up<span class="visually-hidden"> {rule.name}</span>
        </button>
        <button type="button" class="button button-link" disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          Move down<span class="visually-hidden"> {rule.name}</span>
        </button>
        <button type="button" class="button button-link" onClick={onEdit}>
          Edit<span class="visually-hidden"> {rule.name}</span>
        </button>
        {isConfirming ? (
          <span class="confirm">
            <button type="button" class="button button-small button-danger" disabled={remove.pending} onClick={() => void remove.run()}>
              Confirm delete<span class="visually-hidden"> {rule.name}</span>
            </button>
            <button type="button" class="button button-small button-link" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" class="button button-link" onClick={() => setConfirming(true)}>
            Delete<span class="visually-hidden"> {rule.name}</span>
          </button>
        )}
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem.message}
        </p>
      )}
    </li>
  );
}
