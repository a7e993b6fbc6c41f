// The table of your keys, with a two-step revoke (no browser confirm dialogs).
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { ApiKey } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';

function RevokeButton({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const [isConfirming, setConfirming] = useState(false);
  const action = useAction(async () => {
    const result = await call(api.DELETE('/api/api-keys/{id}', { params: { path: { id: apiKey.id } } }));
    if (!result.ok) return result.problem;
    onRevoked();
    return null;
  });
  if (!isConfirming) {
    return (
      <button type="button" class="button button-small button-secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </button>
    );
  }
  return (
    <span class="confirm">
      <button type="button" class="button button-small button-danger" disabled={action.pending} onClick={() => void action.run()}>
        Confirm revoke
      </button>
      <button type="button" class="button button-small button-link" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {action.problem && (
        <span role="alert" class="field-error">
          {action.problem.message}
        </span>
      )}
    </span>
  );
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
