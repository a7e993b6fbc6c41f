// Staff list of members with search and a role filter; each member gets a card with the allowed actions.
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { api, type Me, type Role } from '../../api/client';
import { call } from '../../api/result';
import type { StaffMember } from '../../api/types';
import { Field, Select, formText } from '../../components/form';
import { usePagedList } from '../../lib/use-paged-list';
import { MemberCard } from './member-card';
import { ListFooter } from '../../components/list-footer';

const roles: Role[] = ['member', 'moderator', 'admin'];

function toRole(value: string): Role | undefined {
  return roles.find((role) => role === value);
}

export function MembersTab({ me }: { me: Me }) {
  const [filter, setFilter] = useState<{ q: string; role: Role | undefined }>({ q: '', role: undefined });
  const list = usePagedList(
    (cursor) =>
      call(
        api.GET('/api/admin/members', {
          params: { query: { limit: 25, ...(cursor ? { cursor } : {}), ...(filter.q ? { q: filter.q } : {}), ...(filter.role ? { role: filter.role } : {}) } },
        }),
      ),
    `${filter.q}|${filter.role ?? ''}`,
  );
  const search = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    setFilter({ q: text('q').trim(), role: toRole(text('role')) });
  };
  const onChanged = (member: StaffMember) => list.replaceItem((item) => item.id === member.id, member);

  return (
    <div>
      <h2>Members</h2>
      <form onSubmit={search} class="filters" role="search" aria-label="Filter members">
        <Field markOptional={false} label="Search" name="q" type="search" maxLength={100} placeholder="Username, name or email" />
        <Select label="Role" name="role" defaultValue="" options={[{ value: '', label: 'Any role' }, ...roles.map((role) => ({ value: role, label: role }))]} />
        <button type="submit" class="button button-secondary">
          Filter
        </button>
      </form>
      {list.problem && (
        <p class="alert alert-error" role="alert">
          {list.problem.message}
        </p>
      )}
      {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">No members match.</p>}
      <ul class="member-list">
        {list.items.map((member) => (
          <MemberCard key={member.id} member={member} me={me} onChanged={onChanged} />
        ))}
      </ul>
      <ListFooter list={list} noun="members" moreLabel="Load more members" />
    </div>
  );
}
