// The profile's email section: how often to get the digest, and notification emails while away.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import type { paths } from '../../api/schema';
import { Checkbox, FormAlert, Select, StatusMessage, SubmitButton, formText } from '../../components/form';
import { Loading } from '../../components/guards';
import { formatDateTime } from '../../lib/format';
import { useAction, submitForm } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';

type Preferences = paths['/api/me/email-preferences']['get']['responses'][200]['content']['application/json'];
type Frequency = Preferences['digestFrequency'];

const frequencies: { value: Frequency; label: string }[] = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'daily', label: 'Daily' },
  { value: 'never', label: 'Never' },
];

const isFrequency = (value: string): value is Frequency => frequencies.some((f) => f.value === value);

function PreferencesForm({ initial }: { initial: Preferences }) {
  const [current, setCurrent] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const frequency = formText(form)('digestFrequency');
    const notify = form.elements.namedItem('notifyWhenAway');
    const body = { digestFrequency: isFrequency(frequency) ? frequency : current.digestFrequency, notifyWhenAway: notify instanceof HTMLInputElement && notify.checked };
    const result = await call(api.PUT('/api/me/email-preferences', { body }));
    if (!result.ok) return result.problem;
    setCurrent(result.data);
    setSaved('Email preferences saved.');
    return null;
  });
  const submit = submitForm(action);
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <form onSubmit={submit} aria-labelledby="email-preferences-heading">
      <h2 id="email-preferences-heading">Email</h2>
      {!current.mailEnabled && <p class="alert alert-info">This site does not send email yet; your choices apply once it does.</p>}
      <p class="field-hint">Emails go to {current.email}. Every email has a link to stop it in one click.</p>
      <Select
        label="Summary of what you missed"
        name="digestFrequency"
        options={frequencies}
        defaultValue={current.digestFrequency}
        hint={`Unread notifications and new topics, sent only while you are away and only when there is something new. Last sent: ${formatDateTime(current.lastDigestAt)}.`}
        error={error('digestFrequency')}
      />
      <Checkbox
        label="Email me about mentions, replies and messages when I am away"
        name="notifyWhenAway"
        defaultChecked={current.notifyWhenAway}
        hint="Sent a few minutes later, unless you have read it by then"
        error={error('notifyWhenAway')}
      />
      <FormAlert problem={action.problem} fields={['digestFrequency', 'notifyWhenAway']} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save email preferences
        </SubmitButton>
      </div>
    </form>
  );
}

export function EmailPreferencesForm() {
  const preferences = useResource(() => call(api.GET('/api/me/email-preferences')), []);
  if (preferences.status === 'failed') {
    return (
      <section aria-labelledby="email-preferences-heading">
        <h2 id="email-preferences-heading">Email</h2>
        <p class="alert alert-error">{preferences.problem.message}</p>
      </section>
    );
  }
  if (preferences.status === 'loading' || !preferences.data) return <Loading label="Loading email preferences…" />;
  return <PreferencesForm initial={preferences.data} />;
}
