// One member in the staff list: role and trust level (admins), suspend or lift a suspension (staff).
import { useState } from 'preact/hooks';
import { api, type Me, type Role } from '../../api/client';
import { call } from '../../api/result';
import type { StaffMember } from '../../api/types';
import { FormAlert, Select, SubmitButton, formText } from '../../components/form';
import { Link } from '../../components/link';
import { formatDate, formatDateTime } from '../../lib/format';
import { useAction, submitForm } from '../../lib/use-action';
import { SuspendForm } from './suspend-form';

const roles: Role[] = ['member', 'moderator', 'admin'];
const trustLevels = [0, 1, 2, 3, 4];

function isSuspended(member: StaffMember): boolean {
  return member.suspendedUntil !== null && new Date(member.suspendedUntil).getTime() > Date.now();
}

function RoleForm({ member, onChanged }: { member: StaffMember; onChanged: (member: StaffMember) => void }) {
  const action = useAction(async (form: HTMLFormElement) => {
    const text = formText(form);
    const role = roles.find((r) => r === text('role')) ?? member.role;
    const trustLevel = Number(text('trustLevel'));
    const body = { ...(role !== member.role ? { role } : {}), ...(trustLevel !== member.trustLevel ? { trustLevel } : {}) };
    if (Object.keys(body).length === 0) return { status: 0, code: 'no_change', message: 'Nothing changed.' };
    const result = await call(api.PATCH('/api/admin/members/{id}', { params: { path: { id: member.id } }, body }));
    if (!result.ok) return result.problem;
    onChanged(result.data);
    return null;
  });
  const submit = submitForm(action);
  return (
    <form onSubmit={submit} class="inline-form" aria-label={`Role and trust level of ${member.username}`}>
      <Select label="Role" name="role" defaultValue={member.role} options={roles.map((role) => ({ value: role, label: role }))} />
      <Select label="Trust level" name="trustLevel" defaultValue={String(member.trustLevel)} options={trustLevels.map((level) => ({ value: String(level), label: String(level) }))} />
      <SubmitButton pending={action.pending} variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <FormAlert problem={action.problem} />
    </form>
  );
}

function LiftSuspension({ member, onChanged }: { member: StaffMember; onChanged: (member: StaffMember) => void }) {
  const action = useAction(async () => {
    const result = await call(api.DELETE('/api/admin/members/{id}/suspension', { params: { path: { id: member.id } } }));
    if (!result.ok) return result.problem;
    onChanged(result.data);
    return null;
  });
  return (
    <div>
      <button type="button" class="button button-secondary" disabled={action.pending} onClick={() => void action.run()}>
        Lift suspension
      </button>
      <FormAlert problem={action.problem} />
    </div>
  );
}

export function MemberCard({ member, me, onChanged }: { member: StaffMember; me: Me; onChanged: (member: StaffMember) => void }) {
  const [isSuspending, setSuspending] = useState(false);
  const isSelf = member.id === me.id;
  const suspended = isSuspended(member);
  const headingId = `member-${member.id}`;
  return (
    <li class="member-card" aria-labelledby={headingId}>
      <div class="member-head">
        <h3 id={headingId}>
          <Link href={`/u/${encodeURIComponent(member.username)}`}>{member.displayName || member.username}</Link>
        </h3>
        <span class="muted">@{member.username}</span>
        <span class="badge">{member.role}</span>
        {!member.emailConfirmed && <span class="badge badge-warn">email not confirmed</span>}
        {suspended && <span class="badge badge-danger">suspended</span>}
      </div>
      <p class="muted small">
        {member.email} · joined {formatDate(member.joinedAt)} · last seen {formatDateTime(member.lastSeenAt, 'never')} · trust level {member.trustLevel}
      </p>
      {suspended && member.suspendedUntil && (
        <p class="alert alert-warn">
          Suspended until {formatDateTime(member.suspendedUntil)}
          {member.suspensionReason ? `: ${member.suspensionReason}` : ''}
        </p>
      )}
      {me.role === 'admin' && <RoleForm member={member} onChanged={onChanged} />}
      {!isSelf && suspended && <LiftSuspension member={member} onChanged={onChanged} />}
      {!isSelf && !suspended && !isSuspending && (
        <button type="button" class="button button-secondary" onClick={() => setSuspending(true)} aria-label={`Suspend ${member.username}…`}>
          Suspend…
        </button>
      )}
      {!isSelf && !suspended && isSuspending && (
        <SuspendForm
          member={member}
          onCancel={() => setSuspending(false)}
          onSuspended={(updated) => {
            setSuspending(false);
            onChanged(updated);
          }}
        />
      )}
    </li>
  );
}
