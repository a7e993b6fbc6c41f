// The staff publishing page: scheduled topics, articles and announcements (/scheduled), and the
// site-wide announcements (/announcements), as two tabs.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { RequireStaff } from '../../../components/guards';
import { Tabs } from '../../../components/tabs';
import { navigate } from '../../../lib/router';
import { useTitle } from '../../../lib/site';
import { useResource } from '../../../lib/use-resource';
import { AnnouncementForm } from './announcement-form';
import { AnnouncementList } from './announcement-list';
import { ScheduleForm } from './schedule-form';
import { ScheduledList } from './scheduled-list';
import './articles.css';

type Tab = 'scheduled' | 'announcements';

const tabs: { id: Tab; label: string }[] = [
  { id: 'scheduled', label: 'Scheduled' },
  { id: 'announcements', label: 'Announcements' },
];

function ScheduledTab() {
  const list = useResource(() => call(api.GET('/api/scheduled')), []);
  return (
    <div class="publishing-tab">
      <h2>Schedule a topic, article or announcement</h2>
      <ScheduleForm onScheduled={list.reload} />
      <div class="publishing-head">
        <h2>Scheduled items</h2>
        <button type="button" class="button button-secondary button-small" onClick={list.reload}>
          Refresh
        </button>
      </div>
      {list.status === 'failed' && <p class="alert alert-error">{list.problem.message}</p>}
      {list.data && <ScheduledList items={list.data.items} onChange={list.reload} />}
    </div>
  );
}

function AnnouncementsTab() {
  const list = useResource(() => call(api.GET('/api/announcements')), []);
  return (
    <div class="publishing-tab">
      <h2>Post an announcement</h2>
      <AnnouncementForm onPosted={list.reload} />
      <h2>Announcements</h2>
      {list.status === 'failed' && <p class="alert alert-error">{list.problem.message}</p>}
      {list.data && <AnnouncementList items={list.data.items} onChange={list.reload} />}
    </div>
  );
}

export function PublishingPage({ tab }: { tab: Tab }) {
  useTitle(tab === 'scheduled' ? 'Scheduled publishing' : 'Announcements');
  return (
    <RequireStaff>
      {() => (
        <section>
          <h1>Publishing</h1>
          <Tabs label="Publishing" tabs={tabs} selected={tab} onSelect={(id) => navigate(`/${id}`, { replace: true, keepScroll: true })}>
            {tab === 'scheduled' ? <ScheduledTab /> : <AnnouncementsTab />}
          </Tabs>
        </section>
      )}
    </RequireStaff>
  );
}
