// Admin settings for the GitHub integration: the default repository, and the write-only webhook secret
// and token (shown only as set or not, and where from).
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, fieldError } from '../../../api/result';
import { Checkbox, Field, FormAlert, StatusMessage, SubmitButton, formText } from '../../../components/form';
import { useAction, submitForm } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import type { GitHubSettings as Settings } from './types';

const sourceText = (set: boolean, source: Settings['tokenSource']) => (!set ? 'not set' : source === 'environment' ? 'set by the environment (it wins)' : 'set here');

export function GitHubSettings() {
  const resource = useResource(() => call(api.GET('/api/admin/github')), []);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(async (form: HTMLFormElement) => {
    setSaved(null);
    const text = formText(form);
    const data = new FormData(form);
    const repo = text('defaultRepo').trim();
    const body = {
      defaultRepo: repo === '' ? null : repo,
      ...(text('webhookSecret') ? { webhookSecret: text('webhookSecret') } : data.get('clearSecret') === 'on' ? { webhookSecret: null } : {}),
      ...(text('token') ? { token: text('token') } : data.get('clearToken') === 'on' ? { token: null } : {}),
    };
    const result = await call(api.PUT('/api/admin/github', { body }));
    if (!result.ok) return result.problem;
    form.reset();
    resource.reload();
    setSaved('GitHub settings saved.');
  });
  const settings = resource.data;
  if (!settings) return null;
  const error = (field: string) => fieldError(action.problem, field);
  return (
    <section aria-labelledby="github-settings-title">
      <h3 id="github-settings-title">GitHub (bug reports)</h3>
      <p class="small muted">
        Webhook: <code>{settings.webhookPath}</code> (content type application/json, issues events) · API: <code>{settings.apiUrl}</code>
      </p>
      <form onSubmit={submitForm(action)}>
        <Field label="Default repository" name="defaultRepo" defaultValue={settings.defaultRepo ?? ''} pattern="[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+" hint="owner/name, where new issues go" error={error('defaultRepo')} />
        <Field label="Webhook secret" name="webhookSecret" type="password" autoComplete="off" minLength={8} hint={`Write-only; ${sourceText(settings.webhookSecretSet, settings.webhookSecretSource)}. Leave empty to keep it.`} error={error('webhookSecret')} />
        {settings.webhookSecretSource === 'settings' && <Checkbox label="Clear the stored webhook secret" name="clearSecret" />}
        <Field label="API token" name="token" type="password" autoComplete="off" minLength={8} hint={`Write-only; ${sourceText(settings.tokenSet, settings.tokenSource)}. Leave empty to keep it.`} error={error('token')} />
        {settings.tokenSource === 'settings' && <Checkbox label="Clear the stored token" name="clearToken" />}
        <FormAlert problem={action.problem} fields={['defaultRepo', 'webhookSecret', 'token']} />
        <StatusMessage message={saved} />
        <div class="form-actions">
          <SubmitButton pending={action.pending} pendingLabel="Saving…">
            Save GitHub settings
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
