// An ideas board in place of the plain topic list: tabs Top / Trending / New, a status filter, and
// each idea with its vote button, vote count and status; a link to the board's roadmap.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Select } from '../../../components/form';
import { Link } from '../../../components/link';
import { ListFooter } from '../../../components/list-footer';
import { Tabs } from '../../../components/tabs';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { usePagedList } from '../../../lib/use-paged-list';
import { topicPath } from '../../discussions/paths';
import type { SpaceView } from '../registry';
import { StatusBadge } from './status-badge';
import { roadmapPath, statusLabels, type IdeaSort, type IdeaStatus, type IdeaSummary } from './types';
import { VoteButton } from './vote-button';
import './ideas.css';

const tabs: { id: IdeaSort; label: string }[] = [
  { id: 'votes', label: 'Top' },
  { id: 'trending', label: 'Trending' },
  { id: 'new', label: 'New' },
];

const statusOptions = [{ value: '', label: 'All statuses' }, ...(Object.keys(statusLabels) as IdeaStatus[]).map((s) => ({ value: s, label: statusLabels[s] }))];

export function IdeaRow({ idea }: { idea: IdeaSummary }) {
  return (
    <li class="topic-row idea-row" data-testid="idea-row">
      <VoteButton topicId={idea.topicId} title={idea.title} votes={idea.votes} voted={idea.voted} canVote={idea.mergedIntoId === null} />
      <div class="idea-body">
        <div class="topic-main">
          <Link href={topicPath({ id: idea.topicId, slug: idea.slug })} class="topic-title">
            {idea.title}
          </Link>
          <StatusBadge status={idea.status} />
        </div>
        <div class="topic-meta small muted">
          <span>by {idea.author.username ?? idea.author.displayName}</span>
          <span>
            {idea.replyCount} {idea.replyCount === 1 ? 'reply' : 'replies'}
          </span>
          <span>
            Posted <time dateTime={idea.createdAt}>{formatDateTime(idea.createdAt)}</time>
          </span>
        </div>
      </div>
    </li>
  );
}

export const IdeasSpaceView: SpaceView = ({ space }) => {
  const { me } = useSession();
  const [sort, setSort] = useState<IdeaSort>('votes');
  const [status, setStatus] = useState<IdeaStatus | ''>('');
  const list = usePagedList(
    (cursor) =>
      call(api.GET('/api/spaces/{id}/ideas', { params: { path: { id: space.id }, query: { sort, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } })),
    `${space.id}:${sort}:${status}:${me?.id ?? ''}`,
  );
  return (
    <div class="ideas-board">
      <div class="ideas-toolbar">
        <Select label="Status" name="status" options={statusOptions} defaultValue={status} onChange={(value) => setStatus(value as IdeaStatus | '')} />
        <Link href={roadmapPath(space)} class="button button-secondary">
          Roadmap
        </Link>
      </div>
      <Tabs label="Sort ideas" tabs={tabs} selected={sort} onSelect={(id) => setSort(id as IdeaSort)}>
        {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
        {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">No ideas here yet.</p>}
        {list.items.length > 0 && (
          <ul class="topic-list" aria-label={`Ideas in ${space.name}`}>
            {list.items.map((idea) => (
              <IdeaRow key={idea.topicId} idea={idea} />
            ))}
          </ul>
        )}
        <ListFooter list={list} noun="ideas" moreLabel="Load more ideas" />
      </Tabs>
    </div>
  );
};
