// Members of a named group; admins add them by username and remove them.
import type { TargetedSubmitEvent } from 'preact';
import { api } from '../../api/client';
import { call, fieldError } from '../../api/result';
import type { Group, GroupMember } from '../../api/types';
import { Field, FormAlert, SubmitButton, formText } from '../../components/form';
import { Link } from '../../components/link';
import { useAction } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';

function RemoveMember({ group, member, onRemoved }: { group: Group; member: GroupMember; onRemoved: () => void }) {
  const action = useAction(async () => {
    const result = await call(api.DELETE('/api/groups/{id}/members/{memberId}', { params: { path: { id: group.id, memberId: member.memberId } } }));
    if (!result.ok) return result.problem;
    onRemoved();
    return null;
  });
  return (
    <>
      <button type="button" class="button button-small button-secondary" disabled={action.pending} onClick={() => void action.run()} aria-label={`Remove ${member.username} from ${group.name}`}>
        Remove
      </button>
      {action.problem && (
        <span role="alert" class="field-error">
          {action.problem.message}
        </span>
      )}
    </>
  );
}

export function GroupMembers({ group, isAdmin, onCountChanged }: { group: Group; isAdmin: boolean; onCountChanged: () => void }) {
  const members = useResource(() => call(api.GET('/api/groups/{id}/members', { params: { path: { id: group.id } } })), [group.id]);
  const changed = () => {
    members.reload();
    onCountChanged();
  };
  const add = useAction(async (form: HTMLFormElement) => {
    const username = formText(form)('username').trim();
    const result = await call(api.POST('/api/groups/{id}/members', { params: { path: { id: group.id } }, body: { username } }));
    if (!result.ok) return result.problem;
    form.reset();
    changed();
    return null;
  });
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void add.run(event.currentTarget);
  };
  return (
    <div class="group-members">
      {members.status === 'failed' && <p class="alert alert-error">{members.problem.message}</p>}
      {members.data && members.data.items.length === 0 && <p class="muted">Nobody is in this group yet.</p>}
      {members.data && members.data.items.length > 0 && (
        <ul class="plain-list">
          {members.data.items.map((member) => (
            <li key={member.memberId}>
              <Link href={`/u/${encodeURIComponent(member.username)}`}>{member.displayName || member.username}</Link> <span class="muted">@{member.username}</span>{' '}
              {isAdmin && <RemoveMember group={group} member={member} onRemoved={changed} />}
            </li>
          ))}
        </ul>
      )}
      {isAdmin && (
        <form onSubmit={submit} class="inline-form" aria-label={`Add a member to ${group.name}`}>
          <Field label="Username to add" name="username" required maxLength={30} error={fieldError(add.problem, 'username')} />
          <SubmitButton pending={add.pending} variant="secondary" pendingLabel="Adding…">
            Add member
          </SubmitButton>
          <FormAlert problem={add.problem} fields={['username']} />
        </form>
      )}
    </div>
  );
}
