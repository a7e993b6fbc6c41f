// The audit log (staff), newest first: search by text, action, target, member and dates; admins export it.
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

type AuditFilter = Partial<Record<'q' | 'action' | 'targetType' | 'targetId' | 'from' | 'to', string>> & { actorId?: number };

/** Dates from the date inputs: from the start of the first day to the end of the last, in the browser's zone. */
function readFilter(form: HTMLFormElement): AuditFilter {
  const text = formText(form);
  const filter: AuditFilter = {};
  for (const name of ['q', 'action', 'targetType', 'targetId'] as const) if (text(name).trim()) filter[name] = text(name).trim();
  const actorId = Number(text('actorId'));
  if (Number.isInteger(actorId) && actorId > 0) filter.actorId = actorId;
  if (text('from')) filter.from = new Date(`${text('from')}T00:00:00`).toISOString();
  if (text('to')) filter.to = new Date(`${text('to')}T23:59:59.999`).toISOString();
  return filter;
}

function exportHref(filter: AuditFilter, format: 'csv' | 'jsonl'): string {
  const query = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filter)) if (value !== undefined) query.set(name, String(value));
  return `/api/admin/audit-log/export?${query.toString()}`;
}

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

function AuditFilters({ onFilter }: { onFilter: (filter: AuditFilter) => void }) {
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFilter(readFilter(event.currentTarget));
  };
  return (
    <form onSubmit={submit} class="filters audit-filters" role="search" aria-label="Search the audit log">
      <Field markOptional={false} label="Search" name="q" type="search" maxLength={200} placeholder="Action, target, reason or username" />
      <Field markOptional={false} label="Action" name="action" maxLength={100} placeholder="e.g. review.reject" />
      <button type="submit" class="button button-secondary">
        Search
      </button>
      <details class="more-filters">
        <summary>More filters</summary>
        <div class="filters">
          <Field markOptional={false} label="Target type" name="targetType" maxLength={100} placeholder="e.g. member" />
          <Field markOptional={false} label="Target id" name="targetId" maxLength={100} />
          <Field markOptional={false} label="By member id" name="actorId" type="number" min={1} />
          <Field markOptional={false} label="From" name="from" type="date" />
          <Field markOptional={false} label="To" name="to" type="date" />
        </div>
      </details>
    </form>
  );
}

export function AuditTab({ canExport = true }: { canExport?: boolean }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const list = usePagedList((cursor) => call(api.GET('/api/admin/audit-log', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}), ...filter } } })), JSON.stringify(filter));
  return (
    <div>
      <h2>Audit log</h2>
      <AuditFilters onFilter={setFilter} />
      {canExport && (
        <p class="actions small">
          Download what matches:
          <a href={exportHref(filter, 'csv')} download>
            CSV
          </a>
          <a href={exportHref(filter, 'jsonl')} download>
            JSON lines
          </a>
        </p>
      )}
      {list.problem && (
        <p class="alert alert-error" role="alert">
          {list.problem.message}
        </p>
      )}
      {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">No entries.</p>}
      {list.items.length > 0 && (
        <div class="table-wrap">
          <table data-testid="audit-table">
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
