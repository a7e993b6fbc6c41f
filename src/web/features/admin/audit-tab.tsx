// The audit log (admins), newest first, filterable by action.
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { AuditEntry } from '../../api/types';
import { Field, formText } from '../../components/form';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { ListFooter } from '../../components/list-footer';

function Change({ entry }: { entry: AuditEntry }) {
  if (entry.before == null && entry.after == null) return <span class="muted">—</span>;
  return (
    <details>
      <summary>Details</summary>
      {entry.before != null && (
        <>
          <p class="small">Before</p>
          <pre>{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      )}
      {entry.after != null && (
        <>
          <p class="small">After</p>
          <pre>{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      )}
    </details>
  );
}

export function AuditTab() {
  const [action, setAction] = useState('');
  const list = usePagedList((cursor) => call(api.GET('/api/admin/audit-log', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}), ...(action ? { action } : {}) } } })), action);
  const filter = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAction(formText(event.currentTarget)('action').trim());
  };
  return (
    <div>
      <h2>Audit log</h2>
      <form onSubmit={filter} class="filters" role="search" aria-label="Filter the audit log">
        <Field markOptional={false} label="Action" name="action" maxLength={100} placeholder="e.g. member.role" />
        <button type="submit" class="button button-secondary">
          Filter
        </button>
      </form>
      {list.problem && (
        <p class="alert alert-error" role="alert">
          {list.problem.message}
        </p>
      )}
      {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">No entries.</p>}
      {list.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Reason</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actorUsername ? <Link href={`/u/${encodeURIComponent(entry.actorUsername)}`}>{entry.actorUsername}</Link> : <span class="muted">system</span>}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.targetType}
                    {entry.targetId ? ` #${entry.targetId}` : ''}
                  </td>
                  <td>{entry.reason ?? <span class="muted">—</span>}</td>
                  <td>
                    <Change entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter list={list} noun="entries" moreLabel="Load older entries" />
    </div>
  );
}
