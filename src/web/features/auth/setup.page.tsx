// First run: create the first admin with the one-time link printed by the server.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSite, useTitle } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { usernameRules } from './signup.page';

function SetupClosed({ isComplete }: { isComplete: boolean }) {
  return (
    <section class="narrow">
      <h1>Set up your community</h1>
      {isComplete ? (
        <p class="alert alert-info">
          Setup is already complete: this community has an admin. <Link href="/login">Log in</Link> instead.
        </p>
      ) : (
        <>
          <p class="alert alert-error">This setup link is not valid. It may have been mistyped or replaced by a newer one.</p>
          <p>
            Restart the server to print a fresh link, or create the admin from the command line with{' '}
            <code>npx hearth admin create --username NAME --email EMAIL</code>.
          </p>
        </>
      )}
    </section>
  );
}

export function SetupPage() {
  useTitle('Set up');
  const token = useLocation().query.get('token') ?? '';
  const session = useSession();
  const { refreshSite } = useSite();
  const state = useResource(() => call(api.GET('/api/setup', { params: { query: token ? { token } : {} } })), [token]);

  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const body = { token, username: text('username').trim(), email: text('email').trim(), password: text('password') };
    const result = await call(api.POST('/api/setup', { body }));
    if (!result.ok) return result.problem;
    session.signIn(result.data);
    await refreshSite();
    navigate('/', { replace: true });
    return null;
  });
  const submit = submitForm(action);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <p class="alert alert-error">{state.problem.message}</p>;
  if (!state.data.needsSetup || !state.data.tokenValid) return <SetupClosed isComplete={!state.data.needsSetup} />;
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <section class="narrow">
      <h1>Set up your community</h1>
      <p>Create the first admin account. You can invite moderators and change the site's name and guidelines afterwards.</p>
      <form onSubmit={submit}>
        <Field label="Admin username" name="username" required autoComplete="username" minLength={usernameRules.minLength} maxLength={usernameRules.maxLength} pattern={usernameRules.pattern} hint={usernameRules.hint} error={error('username')} />
        <Field label="Email" name="email" type="email" required autoComplete="email" error={error('email')} />
        <Field label="Password" name="password" type="password" required minLength={8} maxLength={256} autoComplete="new-password" hint="At least 8 characters" error={error('password')} />
        <FormAlert problem={action.problem} fields={['username', 'email', 'password']} />
        {action.problem?.code === 'invalid_token' && <p>Restart the server to print a fresh setup link.</p>}
        <div class="form-actions">
          <SubmitButton pending={action.pending} pendingLabel="Creating admin…">
            Create admin account
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
