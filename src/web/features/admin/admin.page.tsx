// The staff area: members, groups, spaces, settings and the audit log. Tabs show what the viewer's role allows.
import type { Me } from '../../api/client';
import { RequireStaff } from '../../components/guards';
import { Tabs, type TabSpec } from '../../components/tabs';
import { navigate, useLocation } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { AuditTab } from './audit-tab';
import { GroupsTab } from './groups-tab';
import { MembersTab } from './members-tab';
import { SettingsTab } from './settings-tab';
import { SpacesTab } from './spaces-tab';

const staffTabs: TabSpec[] = [
  { id: 'members', label: 'Members' },
  { id: 'groups', label: 'Groups' },
];
const adminTabs: TabSpec[] = [...staffTabs, { id: 'spaces', label: 'Spaces' }, { id: 'settings', label: 'Settings' }, { id: 'audit', label: 'Audit log' }];

function Admin({ me }: { me: Me }) {
  const { query } = useLocation();
  const isAdmin = me.role === 'admin';
  const tabs = isAdmin ? adminTabs : staffTabs;
  const requested = query.get('tab') ?? '';
  const selected = tabs.some((tab) => tab.id === requested) ? requested : 'members';
  const select = (id: string) => navigate(`/admin?tab=${id}`, { replace: true, keepScroll: true });
  return (
    <section>
      <h1>Admin</h1>
      {!isAdmin && <p class="muted">As a moderator you can review and suspend members and see groups. Admins change roles, groups and settings.</p>}
      <Tabs label="Admin sections" tabs={tabs} selected={selected} onSelect={select}>
        {selected === 'members' && <MembersTab me={me} />}
        {selected === 'groups' && <GroupsTab isAdmin={isAdmin} />}
        {selected === 'spaces' && <SpacesTab />}
        {selected === 'settings' && <SettingsTab />}
        {selected === 'audit' && <AuditTab />}
      </Tabs>
    </section>
  );
}

export function AdminPage() {
  useTitle('Admin');
  return <RequireStaff>{(me) => <Admin me={me} />}</RequireStaff>;
}
