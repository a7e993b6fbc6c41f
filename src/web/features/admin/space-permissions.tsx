// Which groups may see, start topics in, reply in and moderate one space: a grid of checkboxes per group.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { Group, Space } from '../../api/types';
import { FormAlert, StatusMessage } from '../../components/form';
import { useAction } from '../../lib/use-action';

type Right = 'canSee' | 'canPost' | 'canReply' | 'canModerate';
type Grant = { groupId: number } & Record<Right, boolean>;
const rights: { key: Right; label: string }[] = [
  { key: 'canSee', label: 'See' },
  { key: 'canPost', label: 'Start topics' },
  { key: 'canReply', label: 'Reply' },
  { key: 'canModerate', label: 'Moderate' },
];
const none = (groupId: number): Grant => ({ groupId, canSee: false, canPost: false, canReply: false, canModerate: false });

export function SpacePermissions({ space, groups }: { space: Space; groups: Group[] }) {
  const [grants, setGrants] = useState<Map<number, Grant> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void call(api.GET('/api/spaces/{id}/permissions', { params: { path: { id: space.id } } })).then((result) => {
      if (result.ok) setGrants(new Map(result.data.grants.map((g) => [g.groupId, { groupId: g.groupId, canSee: g.canSee, canPost: g.canPost, canReply: g.canReply, canModerate: g.canModerate ?? false }])));
    });
  }, [space.id]);
  const save = useAction(async () => {
    const list = [...(grants?.values() ?? [])].filter((g) => rights.some((r) => g[r.key]));
    const result = await call(api.PUT('/api/spaces/{id}/permissions', { params: { path: { id: space.id } }, body: { grants: list } }));
    if (!result.ok) return result.problem;
    setSaved('Permissions saved');
    return null;
  });
  if (!grants) return <p role="status">Loading permissions…</p>;
  const toggle = (groupId: number, right: Right) => {
    setSaved(null);
    const next = new Map(grants);
    const current = next.get(groupId) ?? none(groupId);
    next.set(groupId, { ...current, [right]: !current[right] });
    setGrants(next);
  };
  return (
    <div class="panel">
      <p class="muted">
        {space.visibility === 'private'
          ? 'A private space is seen by staff and the groups ticked under See.'
          : 'With no rows ticked, everyone reads and members post. Once any group is ticked, only those groups start topics and reply.'}
      </p>
      <div class="table-wrap">
      <table>
        <caption class="visually-hidden">Rights of each group in {space.name}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {rights.map((r) => (
              <th key={r.key} scope="col">
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const grant = grants.get(group.id) ?? none(group.id);
            return (
              <tr key={group.id}>
                <th scope="row">{group.name}</th>
                {rights.map((r) => (
                  <td key={r.key}>
                    <input type="checkbox" checked={grant[r.key]} aria-label={`${group.name}: ${r.label}`} onChange={() => toggle(group.id, r.key)} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <FormAlert problem={save.problem} />
      <StatusMessage message={saved} />
      <div class="form-actions">
        <button type="button" class="button button-primary" disabled={save.pending} onClick={() => void save.run()}>
          Save permissions
        </button>
      </div>
    </div>
  );
}
