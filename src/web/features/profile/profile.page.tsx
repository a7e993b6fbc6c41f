// Edit your own profile and change your password.
import { useState } from 'preact/hooks';
import { api, type Me } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, StatusMessage, SubmitButton, TextArea, formText } from '../../components/form';
import { RequireMember } from '../../components/guards';
import { Link } from '../../components/link';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';
import { ResendConfirmation } from '../auth/resend-confirmation';
import { EmailPreferencesForm } from '../digests/email-preferences-form';
import { Avatar } from './avatar';
import { PasswordForm } from './password-form';

const profileFields = ['displayName', 'bio', 'avatarUrl', 'location', 'company'];

function ProfileForm({ me }: { me: Me }) {
  const session = useSession();
  const [avatarUrl, setAvatarUrl] = useState(me.avatarUrl ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const text = formText(form);
    const url = text('avatarUrl').trim();
    const body = {
      displayName: text('displayName').trim(),
      bio: text('bio'),
      avatarUrl: url === '' ? null : url,
      location: text('location').trim(),
      company: text('company').trim(),
    };
    const result = await call(api.PATCH('/api/me', { body }));
    if (!result.ok) return result.problem;
    session.updateMe(result.data);
    setSaved('Profile saved.');
    return null;
  });
  const submit = submitForm(action);
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <form onSubmit={submit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">Public profile</h2>
      <Field label="Display name" name="displayName" maxLength={60} defaultValue={me.displayName} autoComplete="name" error={error('displayName')} />
      <TextArea label="Bio" name="bio" maxLength={2000} rows={4} defaultValue={me.bio} hint="A few words about you, up to 2,000 characters" error={error('bio')} />
      <div class="avatar-field">
        <Field label="Avatar URL" name="avatarUrl" type="url" maxLength={2000} value={avatarUrl} onInput={(e) => setAvatarUrl(e.currentTarget.value)} placeholder="https://…" hint="Link to a picture (https://…); leave empty for none" error={error('avatarUrl')} />
        <Avatar url={avatarUrl} name={me.displayName || me.username} size="large" label="Avatar preview" />
      </div>
      <Field label="Location" name="location" maxLength={100} defaultValue={me.location} error={error('location')} />
      <Field label="Company" name="company" maxLength={100} defaultValue={me.company} autoComplete="organization" error={error('company')} />
      <FormAlert problem={action.problem} fields={profileFields} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </div>
    </form>
  );
}

function AccountFacts({ me }: { me: Me }) {
  return (
    <dl class="facts">
      <dt>Username</dt>
      <dd>
        <Link href={`/u/${encodeURIComponent(me.username)}`}>{me.username}</Link>
      </dd>
      <dt>Email</dt>
      <dd>
        {me.email} {me.emailConfirmed ? <span class="badge">confirmed</span> : <span class="badge badge-warn">not confirmed</span>}
      </dd>
      {!me.emailConfirmed && (
        <dd>
          <ResendConfirmation email={me.email} />
        </dd>
      )}
      <dt>Role</dt>
      <dd>{me.role}</dd>
      <dt>Trust level</dt>
      <dd>{me.trustLevel}</dd>
      <dt>Joined</dt>
      <dd>{formatDate(me.joinedAt)}</dd>
    </dl>
  );
}

export function ProfilePage() {
  useTitle('Your profile');
  return (
    <RequireMember>
      {(me) => (
        <section class="narrow">
          <h1>Your profile</h1>
          <AccountFacts me={me} />
          <ProfileForm me={me} />
          <EmailPreferencesForm />
          <PasswordForm />
        </section>
      )}
    </RequireMember>
  );
}
