// Create an account: accept the guidelines, then either be signed in or be asked to confirm the email.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Checkbox, Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSite, useTitle } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';
import { AlreadySignedIn } from './already-signed-in';
import { GuidelinesBox } from './guidelines-box';
import { ResendConfirmation } from './resend-confirmation';
import { InvitedBy } from '../programs/invites/invited-by';

export const usernameRules = {
  minLength: 2,
  maxLength: 30,
  pattern: '[A-Za-z0-9_][A-Za-z0-9_.\\-]*[A-Za-z0-9_]',
  hint: '2–30 letters, digits, _ . or -; starts and ends with a letter, digit or _',
};

function CheckEmail({ email }: { email: string }) {
  return (
    <section class="narrow">
      <h1>Check your email</h1>
      <p>
        We sent a confirmation link to <strong>{email}</strong>. Open it to confirm your address, then log in.
      </p>
      <ResendConfirmation email={email} />
      <p>
        <Link href="/login">Go to the login page</Link>
      </p>
    </section>
  );
}

function AwaitingApproval() {
  return (
    <section class="narrow">
      <h1>Thanks for joining</h1>
      <p>This community approves new members. A moderator will review your sign-up soon; you can log in once it is approved.</p>
      <p>
        <Link href="/login">Go to the login page</Link>
      </p>
    </section>
  );
}

export function SignupPage() {
  useTitle('Sign up');
  const session = useSession();
  const { site } = useSite();
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  const [awaitingApproval, setAwaitingApproval] = useState(false);
  // programs/invites: a personal invite link (?invite=CODE) attributes the sign-up to its inviter.
  const inviteCode = useLocation().query.get('invite')?.trim() || undefined;

  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const displayName = text('displayName').trim();
    const body = {
      username: text('username').trim(),
      email: text('email').trim(),
      password: text('password'),
      acceptGuidelines: text('acceptGuidelines') === 'yes',
      ...(displayName ? { displayName } : {}),
      ...(inviteCode ? { inviteCode } : {}),
    };
    const result = await call(api.POST('/api/users', { body }));
    if (!result.ok) return result.problem;
    const { csrfToken, emailConfirmationRequired, approvalRequired, ...member } = result.data;
    if (approvalRequired) setAwaitingApproval(true);
    else if (csrfToken && !emailConfirmationRequired) {
      session.signIn({ csrfToken, member });
      navigate('/', { replace: true });
    } else setPendingEmail(member.email);
    return null;
  });

  if (awaitingApproval) return <AwaitingApproval />;
  if (pendingEmail) return <CheckEmail email={pendingEmail} />;
  if (session.me) return <AlreadySignedIn me={session.me} title="Sign up" />;
  if (!site) return <Loading />;
  // Closed sign-ups still take invited people (the server checks the invite).
  if (!site.allowSignups && !inviteCode) {
    return (
      <section class="narrow">
        <h1>Sign up</h1>
        <p>New sign-ups are by invitation only right now. If you already have an account, <Link href="/login">log in</Link>.</p>
      </section>
    );
  }
  const submit = submitForm(action);
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <section class="narrow">
      <h1>Create your account</h1>
      {inviteCode && <InvitedBy code={inviteCode} />}
      <form onSubmit={submit}>
        <Field label="Username" name="username" required autoComplete="username" minLength={usernameRules.minLength} maxLength={usernameRules.maxLength} pattern={usernameRules.pattern} hint={usernameRules.hint} error={error('username')} />
        <Field label="Email" name="email" type="email" required autoComplete="email" maxLength={254} error={error('email')} />
        <Field label="Password" name="password" type="password" required autoComplete="new-password" minLength={8} maxLength={256} hint="At least 8 characters" error={error('password')} />
        <Field label="Display name" name="displayName" autoComplete="name" maxLength={60} hint="Shown next to your posts; defaults to your username" error={error('displayName')} />
        <GuidelinesBox />
        <Checkbox label="I accept the community guidelines" name="acceptGuidelines" value="yes" required error={error('acceptGuidelines')} />
        <FormAlert problem={action.problem} fields={['username', 'email', 'password', 'displayName', 'acceptGuidelines']} />
        <div class="form-actions">
          <SubmitButton pending={action.pending} pendingLabel="Creating account…">
            Create account
          </SubmitButton>
        </div>
      </form>
      <p>
        Already a member? <Link href="/login">Log in</Link>
      </p>
    </section>
  );
}
