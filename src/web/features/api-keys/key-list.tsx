// The table of your keys, with a two-step revoke (no browser confirm dialogs).
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { ApiKey } from '../../api/types';
import { ConfirmAction } from '../../components/confirm-action';
import { formatDateTime } from '../../lib/format';

function RevokeButton({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const run = async () => {
    const result = await call(api.DELETE('/api/api-keys/{id}', { params: { path: { id: apiKey.id } } }));
    if (!result.ok) return result.problem;
    onRevoked();
    return null;
  };
  return <ConfirmAction label="Revoke" ariaLabel={`Revoke ${apiKey.name}`} confirmLabel="Confirm revoke" run={run} />;
}

export function KeyList({ keys, onChanged }: { keys: ApiKey[]; onChanged: () => void }) {
  if (keys.length === 0) return <p class="muted">You have no API keys yet.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scope</th>
            <th scope="col">Key starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <span class="badge">{key.scope}</span>
              </td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>{formatDateTime(key.lastUsedAt)}</td>
              <td>{key.revokedAt ? <span class="muted">Revoked</span> : <RevokeButton apiKey={key} onRevoked={onChanged} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
