// The member's own flags and how moderators settled them.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { ListFooter } from '../../components/list-footer';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { topicPath } from '../discussions/paths';
import { flagReasonLabels } from './words';

const outcomes = { open: 'Waiting for a moderator', agreed: 'Moderators agreed and acted', disagreed: 'Moderators found no problem', ignored: 'Closed without action' };

export function MyFlags() {
  const list = usePagedList((cursor) => call(api.GET('/api/me/flags', { params: { query: cursor ? { cursor } : {} } })), 'flags');
  return (
    <>
      {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
      {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">You have not flagged anything.</p>}
      <ul class="plain-list" aria-label="Your flags">
        {list.items.map((flag) => (
          <li key={flag.id}>
            {flag.postId !== null && flag.topicId !== null ? <Link href={topicPath({ id: flag.topicId })}>A post by {flag.member.username ?? 'a member'}</Link> : <span>The member {flag.member.username ?? ''}</span>}
            {' · '}
            {flagReasonLabels[flag.reason].label} · {outcomes[flag.status]} <span class="small muted">({formatDateTime(flag.createdAt)})</span>
          </li>
        ))}
      </ul>
      <ListFooter list={list} noun="flags" moreLabel="Load more flags" />
    </>
  );
}
