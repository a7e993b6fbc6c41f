// Choose a new password with the token from a reset email.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { Link } from '../../components/link';
import { navigate, useLocation } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';

export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const token = useLocation().query.get('token') ?? '';
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    if (text('password') !== text('confirm')) {
      return { status: 0, code: 'mismatch', field: 'confirm', message: 'The two passwords are not the same.' };
    }
    const result = await call(api.POST('/api/password-resets/confirm', { body: { token, password: text('password') } }));
    if (!result.ok) return result.problem;
    navigate('/login?notice=password-reset', { replace: true });
    return null;
  });
  const submit = submitForm(action);

  if (!token) {
    return (
      <section class="narrow">
        <h1>Choose a new password</h1>
        <p class="alert alert-error">This link has no reset token. Open the link from your email again, or <Link href="/forgot-password">ask for a new one</Link>.</p>
      </section>
    );
  }
  const isBadToken = action.problem?.code === 'invalid_token';
  return (
    <section class="narrow">
      <h1>Choose a new password</h1>
      <form onSubmit={submit}>
        <Field label="New password" name="password" type="password" required minLength={8} maxLength={256} autoComplete="new-password" hint="At least 8 characters" error={fieldError(action.problem, 'password')} />
        <Field label="Repeat the new password" name="confirm" type="password" required autoComplete="new-password" error={fieldError(action.problem, 'confirm')} />
        <FormAlert problem={action.problem} fields={['password', 'confirm']} />
        {isBadToken && (
          <p>
            <Link href="/forgot-password">Ask for a new reset link</Link>
          </p>
        )}
        <div class="form-actions">
          <SubmitButton pending={action.pending} pendingLabel="Saving…">
            Set new password
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
