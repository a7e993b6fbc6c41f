// One named group: edit its name and description, delete it, and see or change its members.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import type { Group } from '../../api/types';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { useAction, submitForm } from '../../lib/use-action';
import { GroupMembers } from './group-members';
import { groupNameRules } from './group-rules';

function EditGroupForm({ group, onDone }: { group: Group; onDone: (changed: boolean) => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const result = await call(api.PATCH('/api/groups/{id}', { params: { path: { id: group.id } }, body: { name: text('name').trim(), description: text('description').trim() } }));
    if (!result.ok) return result.problem;
    onDone(true);
    return null;
  });
  const submit = submitForm(action);
  return (
    <form onSubmit={submit} class="panel" aria-label={`Edit group ${group.name}`}>
      <div class="field-row">
        <Field label="Group name" name="name" required defaultValue={group.name} {...groupNameRules} error={fieldError(action.problem, 'name')} />
        <Field label="Description" name="description" maxLength={500} defaultValue={group.description} error={fieldError(action.problem, 'description')} />
      </div>
      <FormAlert problem={action.problem} fields={['name', 'description']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save group
        </SubmitButton>
        <button type="button" class="button button-link" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteGroup({ group, onDeleted }: { group: Group; onDeleted: () => void }) {
  const [isConfirming, setConfirming] = useState(false);
  const action = useAction(async () => {
    const result = await call(api.DELETE('/api/groups/{id}', { params: { path: { id: group.id } } }));
    if (!result.ok) return result.problem;
    onDeleted();
    return null;
  });
  if (!isConfirming) {
    return (
      <button type="button" class="button button-secondary" onClick={() => setConfirming(true)}>
        Delete…
      </button>
    );
  }
  return (
    <span class="confirm">
      <button type="button" class="button button-danger" disabled={action.pending} onClick={() => void action.run()}>
        Delete {group.name} for good
      </button>
      <button type="button" class="button button-link" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <FormAlert problem={action.problem} />
    </span>
  );
}

export function GroupCard({ group, isAdmin, onChanged }: { group: Group; isAdmin: boolean; onChanged: () => void }) {
  const [isEditing, setEditing] = useState(false);
  const [isShowingMembers, setShowingMembers] = useState(false);
  const headingId = `group-${group.id}`;
  return (
    <li class="group-card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {group.name} <span class="muted small">({group.memberCount ?? 0} members)</span>
      </h4>
      {group.description && <p>{group.description}</p>}
      {isEditing ? (
        <EditGroupForm
          group={group}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged();
          }}
        />
      ) : (
        <div class="actions">
          <button type="button" class="button button-secondary" aria-expanded={isShowingMembers ? 'true' : 'false'} onClick={() => setShowingMembers(!isShowingMembers)}>
            {isShowingMembers ? 'Hide members' : 'Show members'}
          </button>
          {isAdmin && (
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {isAdmin && <DeleteGroup group={group} onDeleted={onChanged} />}
        </div>
      )}
      {isShowingMembers && <GroupMembers group={group} isAdmin={isAdmin} onCountChanged={onChanged} />}
    </li>
  );
}
