// The staff moderation area at /moderation/<tab>: the review queue, appeals, automod rules, the audit log, mediation.
import type { Me } from '../../api/client';
import { RequireStaff } from '../../components/guards';
import { Tabs } from '../../components/tabs';
import { navigate } from '../../lib/router';
import { useTitle } from '../../lib/site';
import { AuditTab } from '../admin/audit-tab';
import { AppealsTab } from './appeals-tab';
import { MediationTab } from './mediation-tab';
import { staffPath, staffTabs, toStaffTab, type StaffTab } from './paths';
import { QueueTab } from './queue-tab';
import { RulesTab } from './rules-tab';

function Moderation({ me, tab }: { me: Me; tab: StaffTab }) {
  const select = (id: string) => navigate(staffPath(toStaffTab(id)), { replace: true, keepScroll: true });
  return (
    <section>
      <h1>Moderation</h1>
      <Tabs label="Moderation sections" tabs={staffTabs} selected={tab} onSelect={select}>
        {tab === 'queue' && <QueueTab me={me} />}
        {tab === 'appeals' && <AppealsTab me={me} />}
        {tab === 'rules' && <RulesTab />}
        {tab === 'audit' && <AuditTab canExport={me.role === 'admin'} />}
        {tab === 'mediation' && <MediationTab />}
      </Tabs>
    </section>
  );
}

export function ModerationPage({ tab }: { tab?: string }) {
  const selected = toStaffTab(tab);
  useTitle(`Moderation: ${staffTabs.find((t) => t.id === selected)?.label ?? ''}`);
  return <RequireStaff>{(me) => <Moderation me={me} tab={selected} />}</RequireStaff>;
}
