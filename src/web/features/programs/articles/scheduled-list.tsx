// Staff's list of scheduled items: when, what, status (with the error of a failed one and a link to
// what was published), and "Cancel" for pending ones.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { FormAlert } from '../../../components/form';
import { Link } from '../../../components/link';
import { formatDateTime } from '../../../lib/format';
import { useAction } from '../../../lib/use-action';
import { topicPath } from '../../discussions/paths';
import type { ScheduledItem } from './types';

const statusBadge: Record<ScheduledItem['status'], string> = {
  pending: 'badge',
  publishing: 'badge',
  published: 'badge',
  failed: 'badge badge-danger',
  cancelled: 'badge',
};

function Outcome({ item }: { item: ScheduledItem }) {
  return (
    <>
      {item.topicId !== null && <Link href={topicPath({ id: item.topicId })}>View topic</Link>}
      {item.announcementId !== null && <Link href="/announcements">Announcement #{item.announcementId}</Link>}
      {item.error && <p class={`small ${item.status === 'failed' ? 'field-error' : 'muted'}`}>{item.error}</p>}
    </>
  );
}

export function ScheduledList({ items, onChange }: { items: ScheduledItem[]; onChange: () => void }) {
  const cancel = useAction(async (item: ScheduledItem) => {
    const result = await call(api.DELETE('/api/scheduled/{id}', { params: { path: { id: item.id } } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  if (items.length === 0) return <p class="muted">Nothing scheduled yet.</p>;
  return (
    <>
      <FormAlert problem={cancel.problem} />
      <table class="publishing-list" data-testid="scheduled-list">
        <caption class="visually-hidden">Scheduled items</caption>
        <thead>
          <tr>
            <th scope="col">Publish at</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
            <th scope="col">Result</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="scheduled-item">
              <td>
                <time dateTime={item.publishAt}>{formatDateTime(item.publishAt)}</time>
              </td>
              <td>
                <strong>{item.title}</strong>
                <div class="small muted">
                  {item.kind} by {item.author.username ?? 'a former member'}
                </div>
              </td>
              <td>
                <span class={statusBadge[item.status]} data-testid="scheduled-status">
                  {item.status}
                </span>
              </td>
              <td>
                <Outcome item={item} />
              </td>
              <td>
                {item.status === 'pending' && (
                  <button type="button" class="button button-secondary button-small" aria-label={`Cancel "${item.title}"`} disabled={cancel.pending} onClick={() => void cancel.run(item)}>
                    Cancel
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
