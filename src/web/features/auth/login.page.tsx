// Log in with a username or email and a password.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { Link } from '../../components/link';
import { navigate, safeNext, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';
import { AlreadySignedIn } from './already-signed-in';
import { ResendConfirmation } from './resend-confirmation';

export function LoginPage() {
  useTitle('Log in');
  const session = useSession();
  const { query } = useLocation();
  const [login, setLogin] = useState('');
  const next = safeNext(query.get('next'));
  const notice = query.get('notice');

  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const result = await call(api.POST('/api/session', { body: { login: text('login').trim(), password: text('password') } }));
    if (!result.ok) return result.problem;
    session.signIn(result.data);
    navigate(next, { replace: true });
    return null;
  });

  const submit = submitForm(action);
  const isUnconfirmed = action.problem?.code === 'email_unconfirmed';
  if (session.me) return <AlreadySignedIn me={session.me} title="Log in" />;

  return (
    <section class="narrow">
      <h1>Log in</h1>
      {notice === 'password-reset' && <p class="alert alert-success">Your password was changed. Log in with the new one.</p>}
      <form onSubmit={submit}>
        <Field label="Username or email" name="login" required autoComplete="username" value={login} onInput={(e) => setLogin(e.currentTarget.value)} error={fieldError(action.problem, 'login')} />
        <Field label="Password" name="password" type="password" required autoComplete="current-password" error={fieldError(action.problem, 'password')} />
        <FormAlert problem={action.problem} fields={['login', 'password']} />
        {isUnconfirmed && login.includes('@') && <ResendConfirmation email={login.trim()} />}
        <div class="form-actions">
          <SubmitButton pending={action.pending} pendingLabel="Logging in…">
            Log in
          </SubmitButton>
          <Link href="/forgot-password">Forgot password?</Link>
        </div>
      </form>
      <p>
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </section>
  );
}
