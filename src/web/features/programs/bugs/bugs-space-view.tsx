// A bug tracker in place of the plain topic list: Open and Closed tabs, each report with its status,
// votes and GitHub badge (with "sync pending" while a call to GitHub waits). The space page's own
// button (programs/new-topic-action.ts) leads to the "Report a bug" form.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { ListFooter } from '../../../components/list-footer';
import { Tabs } from '../../../components/tabs';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { usePagedList } from '../../../lib/use-paged-list';
import { topicPath } from '../../discussions/paths';
import type { SpaceView } from '../registry';
import { GitHubBadge } from './github-badge';
import type { BugReport, BugStatus } from './types';
import './bugs.css';

const tabs: { id: BugStatus; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'closed', label: 'Closed' },
];

function BugRow({ report }: { report: BugReport }) {
  return (
    <li class="topic-row bug-row" data-testid="bug-row">
      <div class="topic-main">
        <Link href={topicPath({ id: report.topicId, slug: report.slug })} class="topic-title">
          {report.title}
        </Link>
        <span class={`badge bug-status bug-status-${report.status}`}>{report.status === 'open' ? 'Open' : 'Closed'}</span>
        {report.github && <GitHubBadge link={report.github} />}
      </div>
      <div class="topic-meta small muted">
        {report.reporter && <span>by {report.reporter.username ?? report.reporter.displayName}</span>}
        <span>version {report.version}</span>
        <span>
          {report.votes} {report.votes === 1 ? 'member affected' : 'members affected'}
        </span>
        <span>
          Reported <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
        </span>
      </div>
    </li>
  );
}

export const BugsSpaceView: SpaceView = ({ space }) => {
  const { me } = useSession();
  const [status, setStatus] = useState<BugStatus>('open');
  const list = usePagedList(
    (cursor) => call(api.GET('/api/spaces/{id}/bug-reports', { params: { path: { id: space.id }, query: { status, ...(cursor ? { cursor } : {}) } } })),
    `${space.id}:${status}:${me?.id ?? ''}`,
  );
  return (
    <div class="bugs-board">
      <Tabs label="Bug reports by status" tabs={tabs} selected={status} onSelect={(id) => setStatus(id as BugStatus)}>
        {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
        {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">No {status} bug reports.</p>}
        {list.items.length > 0 && (
          <ul class="topic-list" aria-label={`${status === 'open' ? 'Open' : 'Closed'} bug reports in ${space.name}`}>
            {list.items.map((report) => (
              <BugRow key={report.topicId} report={report} />
            ))}
          </ul>
        )}
        <ListFooter list={list} noun="bug reports" moreLabel="Load more bug reports" />
      </Tabs>
    </div>
  );
};
