// One open mediation: its conversation, a cool-down between the two members, and closing it with an outcome.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { components } from '../../api/schema';
import { FormAlert, Select, SubmitButton, TextArea, formText } from '../../components/form';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { submitForm, useAction } from '../../lib/use-action';
import { conversationPath } from '../messages/paths';

type Mediation = components['schemas']['Mediation'];

const names = (mediation: Mediation) => mediation.members.map((m) => m.username ?? `member ${m.id}`).join(' and ');
const dayOptions = ['1', '3', '7', '14', '30'].map((days) => ({ value: days, label: days === '1' ? '1 day' : `${days} days` }));

export function MediationCard({ mediation, onChange }: { mediation: Mediation; onChange: (next: Mediation) => void }) {
  const [form, setForm] = useState<'cooldown' | 'close' | null>(null);
  const params = { params: { path: { id: mediation.id } } };
  const act = useAction(async (element: HTMLFormElement) => {
    const text = formText(element);
    const result =
      form === 'cooldown'
        ? await call(api.POST('/api/moderation/mediations/{id}/cooldown', { ...params, body: { days: Number(text('days')) || 1, reason: text('reason').trim() } }))
        : await call(api.POST('/api/moderation/mediations/{id}/close', { ...params, body: { outcome: text('outcome').trim() } }));
    if (!result.ok) return result.problem;
    setForm(null);
    onChange(result.data);
  });
  return (
    <li class="mediation" data-testid="mediation">
      <p>
        <strong>{names(mediation)}</strong>
        {mediation.topic ? ` in “${mediation.topic.title}”` : ''} <span class="badge">{mediation.status}</span>
      </p>
      <p class="small muted">
        Opened {formatDateTime(mediation.createdAt)}
        {mediation.moderator?.username ? ` by ${mediation.moderator.username}` : ''}
        {mediation.coolingDown && mediation.cooldownUntil ? ` · cool-down until ${formatDateTime(mediation.cooldownUntil)}` : ''}
        {mediation.outcome ? ` · outcome: ${mediation.outcome}` : ''}
      </p>
      <div class="actions">
        {mediation.conversationId !== null && <Link href={conversationPath(mediation.conversationId)}>Open the conversation</Link>}
        {mediation.status === 'open' && (
          <>
            <button type="button" class="button button-link" aria-expanded={form === 'cooldown' ? 'true' : 'false'} onClick={() => setForm(form === 'cooldown' ? null : 'cooldown')}>
              Cool-down…
            </button>
            <button type="button" class="button button-link" aria-expanded={form === 'close' ? 'true' : 'false'} onClick={() => setForm(form === 'close' ? null : 'close')}>
              Close…
            </button>
          </>
        )}
      </div>
      {form && (
        <form onSubmit={submitForm(act)} class="panel" aria-label={form === 'cooldown' ? `Cool-down between ${names(mediation)}` : `Close the mediation between ${names(mediation)}`}>
          {form === 'cooldown' ? (
            <>
              <Select label="For" name="days" defaultValue="3" options={dayOptions} />
              <TextArea label="Reason, told to both" name="reason" required rows={2} maxLength={1000} />
            </>
          ) : (
            <TextArea label="Outcome" name="outcome" required rows={2} maxLength={1000} />
          )}
          <FormAlert problem={act.problem} />
          <SubmitButton pending={act.pending}>{form === 'cooldown' ? 'Start cool-down' : 'Close mediation'}</SubmitButton>
        </form>
      )}
    </li>
  );
}
