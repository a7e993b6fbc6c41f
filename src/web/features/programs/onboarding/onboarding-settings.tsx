// Admin settings for onboarding: the welcome message, the introductions space, the newcomers' queue.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import type { SiteSettings } from '../../../api/types';
import { Checkbox, Field, FormAlert, Select, StatusMessage, SubmitButton, TextArea, formText } from '../../../components/form';
import { Loading } from '../../../components/guards';
import { useAction, submitForm } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import { useSpaces } from '../../discussions/use-spaces';

const keys = ['welcomeMessageEnabled', 'welcomeMessageTitle', 'welcomeMessage', 'welcomeSender', 'introductionsSpaceId', 'helperGroup', 'newcomerDays', 'newcomerResponseHours'] as const;
type Editable = Pick<SiteSettings, (typeof keys)[number]>;

function readForm(form: HTMLFormElement): Editable {
  const text = formText(form);
  const space = text('introductionsSpaceId');
  return {
    welcomeMessageEnabled: new FormData(form).get('welcomeMessageEnabled') === 'on',
    welcomeMessageTitle: text('welcomeMessageTitle').trim(),
    welcomeMessage: text('welcomeMessage'),
    welcomeSender: text('welcomeSender').trim().replace(/^@/, ''),
    introductionsSpaceId: space ? Number(space) : null,
    helperGroup: text('helperGroup').trim(),
    newcomerDays: Number(text('newcomerDays')),
    newcomerResponseHours: Number(text('newcomerResponseHours')),
  };
}

function OnboardingForm({ settings }: { settings: SiteSettings }) {
  const spaces = useSpaces();
  const [current, setCurrent] = useState(settings);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const next = readForm(form);
    const patch = Object.fromEntries(keys.filter((key) => next[key] !== current[key]).map((key) => [key, next[key]])) as Partial<Editable>;
    if (Object.keys(patch).length === 0) {
      setSaved('No changes to save.');
      return null;
    }
    const result = await call(api.PATCH('/api/admin/settings', { body: patch }));
    if (!result.ok) return result.problem;
    setCurrent(result.data);
    setSaved('Onboarding settings saved.');
    return null;
  });
  const error = (field: string) => fieldError(action.problem, field);
  const spaceOptions = [{ value: '', label: 'Any space: topics tagged "introductions"' }, ...(spaces.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))];
  return (
    <form onSubmit={submitForm(action)} class="panel" aria-labelledby="onboarding-settings-heading">
      <h3 id="onboarding-settings-heading">Onboarding</h3>
      <Checkbox label="Send a welcome message to each member who signs up" name="welcomeMessageEnabled" defaultChecked={current.welcomeMessageEnabled} error={error('welcomeMessageEnabled')} />
      <Field label="Welcome message title" name="welcomeMessageTitle" required maxLength={200} defaultValue={current.welcomeMessageTitle} hint="{username}, {displayName} and {siteName} are filled in." error={error('welcomeMessageTitle')} />
      <TextArea label="Welcome message (Markdown)" name="welcomeMessage" required maxLength={20000} rows={8} defaultValue={current.welcomeMessage} hint="{username}, {displayName} and {siteName} are filled in." error={error('welcomeMessage')} />
      <Field label="Sent by (a moderator's or admin's username)" name="welcomeSender" maxLength={60} defaultValue={current.welcomeSender} hint="Empty: the first admin." error={error('welcomeSender')} />
      {spaces.data ? (
        <Select label="Introductions space" name="introductionsSpaceId" options={spaceOptions} defaultValue={current.introductionsSpaceId === null ? '' : String(current.introductionsSpaceId)} hint="Where the checklist's “Introduce yourself” counts." error={error('introductionsSpaceId')} />
      ) : (
        <Loading label="Loading spaces…" />
      )}
      <Field label="Helpers group" name="helperGroup" maxLength={60} defaultValue={current.helperGroup} hint="Members of this named group see the newcomers' queue besides staff. Empty: staff only." error={error('helperGroup')} />
      <div class="field-row">
        <Field label="Newcomer for (days)" name="newcomerDays" type="number" required min={1} max={365} defaultValue={String(current.newcomerDays)} error={error('newcomerDays')} />
        <Field label="Answer within (hours)" name="newcomerResponseHours" type="number" required min={1} max={720} defaultValue={String(current.newcomerResponseHours)} error={error('newcomerResponseHours')} />
      </div>
      <FormAlert problem={action.problem} fields={[...keys]} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save onboarding settings
        </SubmitButton>
      </div>
    </form>
  );
}

export function OnboardingSettings() {
  const settings = useResource(() => call(api.GET('/api/admin/settings')), []);
  if (settings.status === 'failed') return <p class="alert alert-error">{settings.problem.message}</p>;
  return settings.data ? <OnboardingForm settings={settings.data} /> : <Loading label="Loading onboarding settings…" />;
}
