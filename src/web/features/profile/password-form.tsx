// Change your password (you stay signed in).
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, StatusMessage, SubmitButton, formText } from '../../components/form';
import { useAction, submitForm } from '../../lib/use-action';

export function PasswordForm() {
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const text = formText(form);
    if (text('newPassword') !== text('confirm')) {
      return { status: 0, code: 'mismatch', field: 'confirm', message: 'The two new passwords are not the same.' };
    }
    const result = await call(api.POST('/api/me/password', { body: { currentPassword: text('currentPassword'), newPassword: text('newPassword') } }));
    if (!result.ok) return result.problem;
    form.reset();
    setSaved('Password changed.');
    return null;
  });
  const submit = submitForm(action);
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <form onSubmit={submit} aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <Field label="Current password" name="currentPassword" type="password" required autoComplete="current-password" error={error('currentPassword')} />
      <Field label="New password" name="newPassword" type="password" required minLength={8} maxLength={256} autoComplete="new-password" hint="At least 8 characters" error={error('newPassword')} />
      <Field label="Repeat the new password" name="confirm" type="password" required autoComplete="new-password" error={error('confirm')} />
      <FormAlert problem={action.problem} fields={['currentPassword', 'newPassword', 'confirm']} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
