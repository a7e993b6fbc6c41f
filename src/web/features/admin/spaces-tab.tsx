// Spaces: admins create them, pick their kind (discussions or a community program), edit them and
// grant groups rights in them.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { Space } from '../../api/types';
import { FormAlert, SubmitButton } from '../../components/form';
import { Link } from '../../components/link';
import { useAction, submitForm } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { spacePath } from '../discussions/paths';
import { kindLabel, readSpaceFields, SpaceFieldset } from './space-form';
import { SpacePermissions } from './space-permissions';

function NewSpaceForm({ onCreated }: { onCreated: () => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const result = await call(api.POST('/api/spaces', { body: readSpaceFields(form) }));
    if (!result.ok) return result.problem;
    form.reset();
    onCreated();
    return null;
  });
  return (
    <form onSubmit={submitForm(action)} class="panel" aria-labelledby="new-space-heading">
      <h3 id="new-space-heading">New space</h3>
      <SpaceFieldset problem={action.problem} />
      <FormAlert problem={action.problem} fields={['name', 'slug', 'description', 'kind', 'visibility', 'color']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Creating…">
          Create space
        </SubmitButton>
      </div>
    </form>
  );
}

function EditSpaceForm({ space, onDone }: { space: Space; onDone: (changed: boolean) => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const result = await call(api.PATCH('/api/spaces/{id}', { params: { path: { id: space.id } }, body: readSpaceFields(form) }));
    if (!result.ok) return result.problem;
    onDone(true);
    return null;
  });
  return (
    <form onSubmit={submitForm(action)} class="panel" aria-label={`Edit space ${space.name}`}>
      <SpaceFieldset space={space} problem={action.problem} />
      <FormAlert problem={action.problem} fields={['name', 'slug', 'description', 'kind', 'visibility', 'color']} />
      <div class="form-actions">
        <SubmitButton pending={action.pending} pendingLabel="Saving…">
          Save space
        </SubmitButton>
        <button type="button" class="button button-link" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SpaceRow({ space, groups, onChanged }: { space: Space; groups: Parameters<typeof SpacePermissions>[0]['groups']; onChanged: () => void }) {
  const [open, setOpen] = useState<'edit' | 'rights' | null>(null);
  return (
    <li class="space-admin-row">
      <div class="row-head">
        <Link href={spacePath(space)}>
          <strong>{space.name}</strong>
        </Link>{' '}
        <span class="badge">{kindLabel(space.kind)}</span> {space.visibility === 'private' && <span class="badge badge-warn">Private</span>}{' '}
        <span class="muted">
          {space.topicCount} topics · {space.postCount} posts
        </span>
        <span class="row-actions">
          <button type="button" class="button button-secondary button-small" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
            Edit
          </button>
          <button type="button" class="button button-secondary button-small" aria-expanded={open === 'rights'} onClick={() => setOpen(open === 'rights' ? null : 'rights')}>
            Permissions
          </button>
        </span>
      </div>
      {open === 'edit' && (
        <EditSpaceForm
          space={space}
          onDone={(changed) => {
            setOpen(null);
            if (changed) onChanged();
          }}
        />
      )}
      {open === 'rights' && <SpacePermissions space={space} groups={groups} />}
    </li>
  );
}

export function SpacesTab() {
  const spaces = useResource(() => call(api.GET('/api/spaces')), []);
  const groups = useResource(() => call(api.GET('/api/groups')), []);
  return (
    <div>
      <h2>Spaces</h2>
      <NewSpaceForm onCreated={spaces.reload} />
      {spaces.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {spaces.problem.message}
        </p>
      )}
      {spaces.data && (
        <ul class="plain-list">
          {spaces.data.items.map((space) => (
            <SpaceRow key={space.id} space={space} groups={groups.data?.items ?? []} onChanged={spaces.reload} />
          ))}
        </ul>
      )}
    </div>
  );
}
