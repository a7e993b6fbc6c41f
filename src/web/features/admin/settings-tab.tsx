// Site settings (admins): name, description, sign-ups, email confirmation and the guidelines.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import type { SiteSettings } from '../../api/types';
import { Checkbox, Field, FormAlert, StatusMessage, SubmitButton, TextArea } from '../../components/form';
import { Loading } from '../../components/guards';
import { useSite } from '../../lib/site';
import { useAction, submitForm } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { OnboardingSettings } from '../programs/onboarding/onboarding-settings';
import { GitHubSettings } from '../programs/bugs/github-settings';
import { QaSettings } from '../programs/qa/qa-settings';

type Editable = Pick<SiteSettings, 'siteName' | 'siteDescription' | 'allowSignups' | 'requireEmailConfirmation' | 'guidelines'>;

function readForm(form: HTMLFormElement): Editable {
  const data = new FormData(form);
  const text = (name: string): string => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    siteName: text('siteName').trim(),
    siteDescription: text('siteDescription').trim(),
    allowSignups: data.get('allowSignups') === 'on',
    requireEmailConfirmation: data.get('requireEmailConfirmation') === 'on',
    guidelines: text('guidelines'),
  };
}

function changedFields(before: SiteSettings, after: Editable): Partial<Editable> {
  const patch: Partial<Editable> = {};
  for (const key of Object.keys(after) as (keyof Editable)[]) {
    if (after[key] !== before[key]) Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}

function SettingsForm({ settings, onSaved }: { settings: SiteSettings; onSaved: (settings: SiteSettings) => void }) {
  const { refreshSite } = useSite();
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const patch = changedFields(settings, readForm(form));
    if (Object.keys(patch).length === 0) {
      setSaved('No changes to save.');
      return null;
    }
    const result = await call(api.PATCH('/api/admin/settings', { body: patch }));
    if (!result.ok) return result.problem;
    onSaved(result.data);
    await refreshSite();
    setSaved(patch.guidelines === undefined ? 'Settings saved.' : `Settings saved. The guidelines are now version ${result.data.guidelinesVersion}.`);
    return null;
  });
  const submit = submitForm(action);
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <form onSubmit={submit}>
      <Field label="Site name" name="siteName" required minLength={1} maxLength={80} defaultValue={settings.siteName} error={error('siteName')} />
      <TextArea label="Site description" name="siteDescription" maxLength={500} rows={2} defaultValue={settings.siteDescription} error={error('siteDescription')} />
      <Checkbox label="Allow new members to sign up" name="allowSignups" defaultChecked={settings.allowSignups} error={error('allowSignups')} />
      <Checkbox
        label="Require email confirmation before the first login"
        name="requireEmailConfirmation"
        defaultChecked={settings.requireEmailConfirmation}
        hint="Only takes effect when the server can send email (SMTP_URL)."
        error={error('requireEmailConfirmation')}
      />
      <TextArea
        label={`Community guidelines (Markdown, version ${settings.guidelinesVersion})`}
        name="guidelines"
        required
        maxLength={50000}
        rows={12}
        defaultValue={settings.guidelines}
        hint="Changing them starts a new version."
        error={error('guidelines')}
      />
      <FormAlert problem={action.problem} fields={['siteName', 'siteDescription', 'allowSignups', 'requireEmailConfirmation', 'guidelines']} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}

export function SettingsTab() {
  const settings = useResource(() => call(api.GET('/api/admin/settings')), []);
  const [current, setCurrent] = useState<SiteSettings | null>(null);
  const shown = current ?? settings.data;
  return (
    <div>
      <h2>Settings</h2>
      {settings.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {settings.problem.message}
        </p>
      )}
      {shown ? <SettingsForm settings={shown} onSaved={setCurrent} /> : settings.status === 'loading' && <Loading label="Loading settings…" />}
      <OnboardingSettings />
      <GitHubSettings />
      <QaSettings />
    </div>
  );
}
