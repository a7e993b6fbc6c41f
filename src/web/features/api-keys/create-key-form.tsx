// The form that creates an API key with a name and a scope.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import type { ApiKeyScope, CreatedApiKey } from '../../api/types';
import { Field, FormAlert, Select, SubmitButton, formText } from '../../components/form';
import { useAction, submitForm } from '../../lib/use-action';

const scopes: { value: ApiKeyScope; label: string }[] = [
  { value: 'read', label: 'Read: GET requests only' },
  { value: 'write', label: 'Write: read and act as you' },
  { value: 'admin', label: 'Admin: also staff actions' },
];

function toScope(value: string): ApiKeyScope {
  return scopes.find((scope) => scope.value === value)?.value ?? 'read';
}

export function CreateKeyForm({ canUseAdminScope, onCreated }: { canUseAdminScope: boolean; onCreated: (key: CreatedApiKey) => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const result = await call(api.POST('/api/api-keys', { body: { name: text('name').trim(), scope: toScope(text('scope')) } }));
    if (!result.ok) return result.problem;
    form.reset();
    onCreated(result.data);
    return null;
  });
  const submit = submitForm(action);
  return (
    <form onSubmit={submit} class="panel" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">New key</h2>
      <div class="field-row">
        <Field label="Key name" name="name" required maxLength={80} placeholder="e.g. Backup script" hint="Helps you recognise the key later" error={fieldError(action.problem, 'name')} />
        <Select label="Scope" name="scope" defaultValue="read" options={scopes.filter((scope) => scope.value !== 'admin' || canUseAdminScope)} error={fieldError(action.problem, 'scope')} />
      </div>
      <FormAlert problem={action.problem} fields={['name', 'scope']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </div>
    </form>
  );
}
