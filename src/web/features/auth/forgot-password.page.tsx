// Ask for a password reset link by email.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { Link } from '../../components/link';
import { useSite, useTitle } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';

export function ForgotPasswordPage() {
  useTitle('Forgot password');
  const { site } = useSite();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    const email = formText(form)('email').trim();
    const result = await call(api.POST('/api/password-resets', { body: { email } }));
    if (!result.ok) return result.problem;
    setSentTo(email);
    return null;
  });
  const submit = submitForm(action);

  return (
    <section class="narrow">
      <h1>Forgot your password?</h1>
      {sentTo ? (
        <div role="status">
          <p class="alert alert-success">If an account uses {sentTo}, we've sent it a link to choose a new password. The link expires soon, so use it shortly.</p>
          <p>
            <Link href="/login">Back to log in</Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit}>
          <p>Enter the email address of your account and we'll send you a link to choose a new password.</p>
          {site && !site.emailDelivery && <p class="alert alert-info">This server cannot send email yet, so the link will only appear in the server's log. Ask an admin for help.</p>}
          <Field label="Email" name="email" type="email" required autoComplete="email" error={fieldError(action.problem, 'email')} />
          <FormAlert problem={action.problem} fields={['email']} />
          <div class="form-actions">
            <SubmitButton pending={action.pending} pendingLabel="Sending…">
              Send reset link
            </SubmitButton>
            <Link href="/login">Back to log in</Link>
          </div>
        </form>
      )}
    </section>
  );
}
