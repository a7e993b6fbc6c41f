// The form that makes an invite link: how many sign-ups it allows, when it expires, a note.
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { Field, FormAlert, Select, SubmitButton, formText } from '../../../components/form';
import { useAction, submitForm } from '../../../lib/use-action';
import type { CreatedInvite } from './types';

const usesOptions = [
  { value: '1', label: 'One person (single use)' },
  { value: '5', label: 'Up to 5 people' },
  { value: '25', label: 'Up to 25 people' },
  { value: 'unlimited', label: 'Anyone with the link' },
];
const expiryOptions = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
];

export function CreateInviteForm({ onCreated }: { onCreated: (invite: CreatedInvite) => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const uses = text('maxUses');
    const note = text('note').trim();
    const body = { maxUses: uses === 'unlimited' ? null : Number(uses), expiresInDays: Number(text('expiresInDays')), ...(note ? { note } : {}) };
    const result = await call(api.POST('/api/invites', { body }));
    if (!result.ok) return result.problem;
    form.reset();
    onCreated(result.data);
    return null;
  });
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <form onSubmit={submitForm(action)} class="panel" aria-labelledby="new-invite-heading">
      <h2 id="new-invite-heading">New invite link</h2>
      <div class="field-row">
        <Select label="Who can use it" name="maxUses" options={usesOptions} defaultValue="1" error={error('maxUses')} />
        <Select label="Expires after" name="expiresInDays" options={expiryOptions} defaultValue="7" error={error('expiresInDays')} />
      </div>
      <Field label="Note" name="note" maxLength={200} placeholder="e.g. For Sam from the meetup" hint="Only you see it" error={error('note')} />
      <FormAlert problem={action.problem} fields={['maxUses', 'expiresInDays', 'note']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Creating…">
          Create invite link
        </SubmitButton>
      </div>
    </form>
  );
}
