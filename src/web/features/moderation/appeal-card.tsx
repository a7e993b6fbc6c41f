// One appeal for staff: who appeals what and why, and the decision form for moderators who did not act.
import { useState } from 'preact/hooks';
import { api, type Me } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { FormAlert, Select, SubmitButton, TextArea, formText } from '../../components/form';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { submitForm, useAction } from '../../lib/use-action';
import { memberPath } from './paths';
import type { Appeal } from './types';
import { appealStatusLabels, durationOptions } from './words';

type Decision = 'uphold' | 'overturn' | 'reduce';
const decisions: { value: Decision; label: string }[] = [
  { value: 'uphold', label: 'Uphold: the decision stands' },
  { value: 'overturn', label: 'Overturn: restore the post, lift the sanction' },
  { value: 'reduce', label: 'Reduce: shorten the sanction' },
];

function AppealDecisionForm({ appeal, onDecided }: { appeal: Appeal; onDecided: (appeal: Appeal) => void }) {
  const [decision, setDecision] = useState<Decision>('uphold');
  const decide = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const hours = Number(text('hours'));
    const body = { decision, note: text('note').trim(), ...(decision === 'reduce' && hours > 0 ? { hours } : {}) };
    const result = await call(api.POST('/api/moderation/appeals/{id}/decision', { params: { path: { id: appeal.id } }, body }));
    if (!result.ok) return result.problem;
    onDecided(result.data);
  });
  const who = appeal.member.username ?? `member ${appeal.member.id}`;
  return (
    <form onSubmit={submitForm(decide)} class="panel" aria-label={`Decide the appeal by ${who}`}>
      <Select label="Decision" name="decision" defaultValue="uphold" onChange={(value) => setDecision(decisions.find((d) => d.value === value)?.value ?? 'uphold')} options={decisions} />
      {decision === 'reduce' && <Select label="New length, from the sanction's start" name="hours" defaultValue="24" options={durationOptions.filter((o) => o.value !== '')} />}
      <TextArea label="Note to the member" name="note" required rows={2} maxLength={2000} error={fieldError(decide.problem, 'note')} />
      <FormAlert problem={decide.problem} fields={['note']} />
      <SubmitButton pending={decide.pending} pendingLabel="Deciding…">
        Decide appeal
      </SubmitButton>
    </form>
  );
}

export function AppealCard({ appeal, me, onChange }: { appeal: Appeal; me: Me; onChange: (appeal: Appeal) => void }) {
  const headingId = `appeal-${appeal.id}-title`;
  const who = appeal.member.username ?? `member ${appeal.member.id}`;
  const isOwnAction = appeal.actedBy !== null && appeal.actedBy === me.username;
  return (
    <li class="appeal-card" id={`appeal-${appeal.id}`} aria-labelledby={headingId} data-testid="appeal">
      <div class="member-head">
        <h3 id={headingId}>
          {who} appeals: {appeal.action}
        </h3>
        <span class="badge">{appealStatusLabels[appeal.status]}</span>
      </div>
      <p class="small muted">
        <Link href={memberPath(appeal.member.id)}>Moderation history of {who}</Link> · filed {formatDateTime(appeal.createdAt)}
        {appeal.actedBy ? ` · the action was taken by ${appeal.actedBy}` : ''}
      </p>
      <blockquote class="appeal-body">{appeal.body}</blockquote>
      {appeal.status !== 'pending' && (
        <p class="small">
          Decided by {appeal.decidedBy ?? 'a moderator'}
          {appeal.decidedAt ? ` on ${formatDateTime(appeal.decidedAt)}` : ''}
          {appeal.decisionNote ? `: ${appeal.decisionNote}` : ''}
        </p>
      )}
      {appeal.status === 'pending' && isOwnAction && <p class="alert alert-info">You took this action, so another moderator decides the appeal.</p>}
      {appeal.status === 'pending' && !isOwnAction && <AppealDecisionForm appeal={appeal} onDecided={onChange} />}
    </li>
  );
}
