// Suspend a member for a chosen time with a reason they will see.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import type { StaffMember } from '../../api/types';
import { FormAlert, Select, SubmitButton, TextArea, formText } from '../../components/form';
import { useAction, submitForm } from '../../lib/use-action';

const durations = [
  { days: 1, label: '1 day' },
  { days: 3, label: '3 days' },
  { days: 7, label: '1 week' },
  { days: 30, label: '30 days' },
  { days: 365, label: '1 year' },
  { days: 36500, label: 'Indefinitely (100 years)' },
];

export function SuspendForm({ member, onCancel, onSuspended }: { member: StaffMember; onCancel: () => void; onSuspended: (member: StaffMember) => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const days = Number(text('days')) || 1;
    const until = new Date(Date.now() + days * 86_400_000).toISOString();
    const result = await call(api.POST('/api/admin/members/{id}/suspension', { params: { path: { id: member.id } }, body: { until, reason: text('reason').trim() } }));
    if (!result.ok) return result.problem;
    onSuspended(result.data);
    return null;
  });
  const submit = submitForm(action);
  return (
    <form onSubmit={submit} class="panel" aria-label={`Suspend ${member.username}`}>
      <p>Suspending ends {member.username}'s sessions and blocks their logins and API keys until it ends.</p>
      <Select label="For how long" name="days" defaultValue="7" options={durations.map((duration) => ({ value: String(duration.days), label: duration.label }))} />
      <TextArea label="Reason" name="reason" required maxLength={500} rows={2} hint="Kept with the suspension and in the audit log" error={fieldError(action.problem, 'reason')} />
      <FormAlert problem={action.problem} fields={['reason']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} variant="danger" pendingLabel="Suspending…">
          Suspend member
        </SubmitButton>
        <button type="button" class="button button-link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
