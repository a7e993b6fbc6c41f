// The review queue: filter by status, kind and age, sort by score or age, and decide item by item.
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { api, type Me } from '../../api/client';
import { call, type ApiResult } from '../../api/result';
import { Select, formText } from '../../components/form';
import { ListFooter } from '../../components/list-footer';
import { usePagedList } from '../../lib/use-paged-list';
import { announceQueueChange } from './queue-events';
import { fetchPendingCount, useLiveQueue } from './queue-live';
import { QueueItem } from './queue-item';
import type { ReviewItem, ReviewKind, ReviewStatus } from './types';
import { kindLabels, statusLabels } from './words';

interface QueueFilter {
  status: ReviewStatus;
  kind: ReviewKind | undefined;
  sort: 'age' | 'score';
  olderThanHours: number | undefined;
}

const statuses = Object.keys(statusLabels) as ReviewStatus[];
const kinds = Object.keys(kindLabels) as ReviewKind[];
const ages = [
  { value: '', label: 'Any age' },
  { value: '1', label: 'Over 1 hour' },
  { value: '24', label: 'Over 1 day' },
  { value: '72', label: 'Over 3 days' },
  { value: '168', label: 'Over 1 week' },
];

function readFilter(form: HTMLFormElement): QueueFilter {
  const text = formText(form);
  const hours = Number(text('olderThanHours'));
  return {
    status: statuses.find((s) => s === text('status')) ?? 'pending',
    kind: kinds.find((k) => k === text('kind')),
    sort: text('sort') === 'score' ? 'score' : 'age',
    olderThanHours: hours > 0 ? hours : undefined,
  };
}

const pageSize = 20;

export function QueueTab({ me }: { me: Me }) {
  const [filter, setFilter] = useState<QueueFilter>({ status: 'pending', kind: undefined, sort: 'age', olderThanHours: undefined });
  const [pending, setPending] = useState<number | null>(null);
  // The queue pages by offset; the list hook's cursor carries it.
  const list = usePagedList(async (cursor): Promise<ApiResult<{ items: ReviewItem[]; nextCursor: string | null }>> => {
    const offset = Number(cursor ?? 0);
    const query = { status: filter.status, sort: filter.sort, limit: pageSize, offset, ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.olderThanHours ? { olderThanHours: filter.olderThanHours } : {}) };
    const result = await call(api.GET('/api/moderation/queue', { params: { query } }));
    if (!result.ok) return result;
    setPending(result.data.pending);
    return { ok: true, data: { items: result.data.items, nextCursor: result.data.hasMore ? String(offset + result.data.items.length) : null } };
  }, JSON.stringify(filter));
  const apply = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    live.clearArrived();
    setFilter(readFilter(event.currentTarget));
  };
  const live = useLiveQueue(
    list.items,
    (kind) => filter.status === 'pending' && (filter.kind === undefined || filter.kind === kind),
    (item) => list.replaceItem((i) => i.id === item.id, item),
    () => void fetchPendingCount().then((count) => count !== null && setPending(count)),
  );
  const showArrived = () => {
    live.clearArrived();
    list.reload();
  };
  const onChange = (item: ReviewItem) => {
    const wasPending = list.items.some((i) => i.id === item.id && i.status === 'pending');
    list.replaceItem((i) => i.id === item.id, item);
    if (wasPending && item.status !== 'pending') {
      setPending((count) => (count === null ? count : Math.max(0, count - 1)));
      announceQueueChange();
    }
  };
  return (
    <div>
      <h2>Review queue</h2>
      <p class="muted" aria-live="polite">
        {pending === null ? '' : pending === 1 ? '1 item waits for review.' : `${pending} items wait for review.`}
      </p>
      <form onSubmit={apply} class="filters queue-filters" role="search" aria-label="Filter the review queue">
        <Select label="Status" name="status" defaultValue="pending" options={statuses.map((s) => ({ value: s, label: statusLabels[s] }))} />
        <Select label="Kind" name="kind" defaultValue="" options={[{ value: '', label: 'Any kind' }, ...kinds.map((k) => ({ value: k, label: kindLabels[k] }))]} />
        <Select label="Waiting" name="olderThanHours" defaultValue="" options={ages} />
        <Select
          label="Sort"
          name="sort"
          defaultValue="age"
          options={[
            { value: 'age', label: 'Oldest first' },
            { value: 'score', label: 'Highest score first' },
          ]}
        />
        <button type="submit" class="button button-secondary">
          Filter
        </button>
      </form>
      {list.problem && (
        <p class="alert alert-error" role="alert">
          {list.problem.message}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="queue-arrivals">
        {live.arrived > 0 && (
          <p class="alert alert-info">
            {live.arrived === 1 ? '1 new item' : `${live.arrived} new items`} in the queue.{' '}
            <button type="button" class="button button-link" onClick={showArrived}>
              Show
            </button>
          </p>
        )}
      </div>
      {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">Nothing to review here.</p>}
      <ul class="review-list plain-list" aria-label="Review items">
        {list.items.map((item) => (
          <QueueItem key={item.id} item={item} me={me} onChange={onChange} />
        ))}
      </ul>
      <ListFooter list={list} noun="review items" moreLabel="Load more items" />
    </div>
  );
}
