// Admin settings for Q&A: the reputation an answer earns its author when accepted and per up-vote.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { Field, FormAlert, StatusMessage, SubmitButton, formText } from '../../../components/form';
import { useAction, submitForm } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';

export function QaSettings() {
  const settings = useResource(() => call(api.GET('/api/admin/settings')), []);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const text = formText(form);
    const qaReputation = { accepted: Number(text('accepted')), upvote: Number(text('upvote')) };
    const result = await call(api.PATCH('/api/admin/settings', { body: { qaReputation } }));
    if (!result.ok) return result.problem;
    setSaved('Reputation settings saved. They apply to answers accepted and voted from now on.');
    return null;
  });
  const current = settings.data?.qaReputation;
  if (!current) return null;
  const error = fieldError(action.problem, 'qaReputation');
  return (
    <form onSubmit={submitForm(action)} class="panel" aria-labelledby="qa-settings-heading">
      <h3 id="qa-settings-heading">Q&amp;A reputation</h3>
      <div class="field-row">
        <Field label="Points for an accepted answer" name="accepted" type="number" required min={0} max={1000} defaultValue={String(current.accepted)} error={error} />
        <Field label="Points per up-vote" name="upvote" type="number" required min={0} max={1000} defaultValue={String(current.upvote)} />
      </div>
      <FormAlert problem={action.problem} fields={['qaReputation']} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save reputation settings
        </SubmitButton>
      </div>
    </form>
  );
}
