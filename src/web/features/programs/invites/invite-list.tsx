// The table of your invites: uses, status, who joined through each, and a two-step revoke.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { ConfirmAction } from '../../../components/confirm-action';
import { Link } from '../../../components/link';
import { formatDateTime } from '../../../lib/format';
import type { Invite } from './types';

const statusLabels: Record<Invite['status'], string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked', used_up: 'Used up' };

function RevokeButton({ invite, onRevoked }: { invite: Invite; onRevoked: () => void }) {
  const run = async () => {
    const result = await call(api.DELETE('/api/invites/{id}', { params: { path: { id: invite.id } } }));
    if (!result.ok) return result.problem;
    onRevoked();
    return null;
  };
  return <ConfirmAction label="Revoke" ariaLabel={`Revoke invite ${invite.note || `${invite.hint}…`}`} confirmLabel="Confirm revoke" run={run} />;
}

function Joined({ members }: { members: Invite['members'] }) {
  if (members.length === 0) return <span class="muted">Nobody yet</span>;
  return (
    <ul class="inline-list">
      {members.map((m) => (
        <li key={m.id}>{m.username ? <Link href={`/u/${encodeURIComponent(m.username)}`}>{m.displayName}</Link> : m.displayName}</li>
      ))}
    </ul>
  );
}

export function InviteList({ invites, onChanged }: { invites: Invite[]; onChanged: () => void }) {
  if (invites.length === 0) return <p class="muted">You have not made any invites yet.</p>;
  return (
    <div class="table-wrap">
      <table data-testid="invite-list">
        <thead>
          <tr>
            <th scope="col">Invite</th>
            <th scope="col">Uses</th>
            <th scope="col">Status</th>
            <th scope="col">Expires</th>
            <th scope="col">Joined through it</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((invite) => (
            <tr key={invite.id} data-testid="invite-row">
              <th scope="row">
                <code>{invite.hint}…</code> {invite.note}
              </th>
              <td>
                {invite.uses} / {invite.maxUses ?? '∞'}
              </td>
              <td>
                <span class={invite.status === 'active' ? 'badge' : 'badge badge-warn'}>{statusLabels[invite.status]}</span>
              </td>
              <td>{formatDateTime(invite.expiresAt)}</td>
              <td>
                <Joined members={invite.members} />
              </td>
              <td>{invite.status === 'revoked' ? null : <RevokeButton invite={invite} onRevoked={onChanged} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
