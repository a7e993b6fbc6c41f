// Staff's list of announcements with their window, state and dismissals; end one now or delete it.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { FormAlert } from '../../../components/form';
import { formatDateTime } from '../../../lib/format';
import { useAction } from '../../../lib/use-action';
import type { Announcement } from './types';

export function AnnouncementList({ items, onChange }: { items: Announcement[]; onChange: () => void }) {
  const end = useAction(async (a: Announcement) => {
    const result = await call(api.PATCH('/api/announcements/{id}', { params: { path: { id: a.id } }, body: { endsAt: new Date().toISOString() } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  const remove = useAction(async (a: Announcement) => {
    const result = await call(api.DELETE('/api/announcements/{id}', { params: { path: { id: a.id } } }));
    if (!result.ok) return result.problem;
    onChange();
  });
  if (items.length === 0) return <p class="muted">No announcements yet.</p>;
  return (
    <>
      <FormAlert problem={end.problem ?? remove.problem} />
      <table class="publishing-list" data-testid="announcement-list">
        <caption class="visually-hidden">Announcements</caption>
        <thead>
          <tr>
            <th scope="col">Announcement</th>
            <th scope="col">Shown</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-testid="announcement-row">
              <td>
                <strong>{a.title}</strong>
                <div class="small muted">
                  for {a.audience === 'members' ? 'members' : 'everyone'} · {a.dismissals} dismissed
                </div>
              </td>
              <td class="small">
                <time dateTime={a.startsAt}>{formatDateTime(a.startsAt)}</time> – {a.endsAt ? <time dateTime={a.endsAt}>{formatDateTime(a.endsAt)}</time> : 'until ended'}
              </td>
              <td>
                <span class="badge">{a.state}</span>
              </td>
              <td>
                {a.state === 'active' && (
                  <button type="button" class="button button-secondary button-small" aria-label={`End "${a.title}" now`} disabled={end.pending} onClick={() => void end.run(a)}>
                    End now
                  </button>
                )}{' '}
                <button type="button" class="button button-danger button-small" aria-label={`Delete "${a.title}"`} disabled={remove.pending} onClick={() => void remove.run(a)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
