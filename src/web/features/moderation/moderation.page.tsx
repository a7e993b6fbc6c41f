// The staff moderation area at /moderation/<tab>: the review queue, appeals, automod rules, the audit log, mediation.
import type { Me } from '../../api/client';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Loading, RequireMember, RequireStaff } from '../../components/guards';
import { isStaff } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
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

/** A space moderator (not staff) works the queue of the spaces they moderate, and nothing else here. */
function SpaceModeration({ me }: { me: Me }) {
  const mine = useResource(() => call(api.GET('/api/me/moderation')), []);
  if (mine.status === 'loading') return <Loading />;
  if (mine.status === 'failed') return <p class="alert alert-error">{mine.problem.message}</p>;
  if (mine.data.moderates.length === 0) return <RequireStaff>{() => null}</RequireStaff>;
  return (
    <section>
      <h1>Moderation</h1>
      <p class="muted">You moderate {mine.data.moderates.length === 1 ? 'one space' : `${mine.data.moderates.length} spaces`}: their items in the review queue are yours to decide.</p>
      <QueueTab me={me} />
    </section>
  );
}

export function ModerationPage({ tab }: { tab?: string }) {
  const selected = toStaffTab(tab);
  useTitle(`Moderation: ${staffTabs.find((t) => t.id === selected)?.label ?? ''}`);
  return <RequireMember>{(me) => (isStaff(me) ? <Moderation me={me} tab={selected} /> : <SpaceModeration me={me} />)}</RequireMember>;
}
