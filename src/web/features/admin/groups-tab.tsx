// Groups: built-in ones (from roles and trust levels) and named ones that admins manage.
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { useAction, submitForm } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { GroupCard } from './group-card';
import { groupNameRules } from './group-rules';

function CreateGroupForm({ onCreated }: { onCreated: () => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const result = await call(api.POST('/api/groups', { body: { name: text('name').trim(), description: text('description').trim() } }));
    if (!result.ok) return result.problem;
    form.reset();
    onCreated();
    return null;
  });
  const submit = submitForm(action);
  return (
    <form onSubmit={submit} class="panel" aria-labelledby="new-group-heading">
      <h3 id="new-group-heading">New group</h3>
      <div class="field-row">
        <Field label="Group name" name="name" required {...groupNameRules} error={fieldError(action.problem, 'name')} />
        <Field label="Description" name="description" maxLength={500} error={fieldError(action.problem, 'description')} />
      </div>
      <FormAlert problem={action.problem} fields={['name', 'description']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Creating…">
          Create group
        </SubmitButton>
      </div>
    </form>
  );
}

export function GroupsTab({ isAdmin }: { isAdmin: boolean }) {
  const groups = useResource(() => call(api.GET('/api/groups')), []);
  const items = groups.data?.items ?? [];
  const builtIn = items.filter((group) => group.builtIn);
  const named = items.filter((group) => !group.builtIn);
  return (
    <div>
      <h2>Groups</h2>
      {isAdmin && <CreateGroupForm onCreated={groups.reload} />}
      {groups.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {groups.problem.message}
        </p>
      )}
      {groups.status === 'loading' && !groups.data && <p role="status">Loading groups…</p>}
      {groups.data && (
        <>
          <h3>Named groups</h3>
          {named.length === 0 ? <p class="muted">No named groups yet.</p> : (
            <ul class="group-list">
              {named.map((group) => (
                <GroupCard key={group.id} group={group} isAdmin={isAdmin} onChanged={groups.reload} />
              ))}
            </ul>
          )}
          <h3>Built-in groups</h3>
          <p class="muted">Their members follow from roles and trust levels, so they cannot be edited.</p>
          <ul class="plain-list">
            {builtIn.map((group) => (
              <li key={group.id}>
                <strong>{group.name}</strong> <span class="muted">— {group.description}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
