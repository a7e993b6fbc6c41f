// The home page's topic feeds, one per tab: Latest (with the new-topics banner), Top over a period,
// and, for signed-in members, Unread (topics they follow with posts they have not read) and New (recent
// topics they never opened).
import { useRef } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { Space, UnreadTopic } from '../../api/types';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { formatDateTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { usePagedList } from '../../lib/use-paged-list';
import { NewTopicsBanner, useNewActivity } from '../discussions/new-topics';
import { topicPath } from '../discussions/paths';
import { SpaceChip, TopicList } from '../discussions/topic-list';

export const periods = [
  { value: 'day', label: 'Past day' },
  { value: 'week', label: 'Past week' },
  { value: 'month', label: 'Past month' },
  { value: 'year', label: 'Past year' },
] as const;
export type Period = (typeof periods)[number]['value'];

export function isPeriod(value: string | null): value is Period {
  return periods.some((p) => p.value === value);
}

function memberKey(me: { id: number } | null): string {
  return String(me?.id ?? '');
}

export function LatestFeed({ spaces }: { spaces: Space[] }) {
  const { me } = useSession();
  const feed = usePagedList((cursor) => call(api.GET('/api/topics', { params: { query: cursor ? { feed: 'latest', cursor } : { feed: 'latest' } } })), memberKey(me));
  const activity = useNewActivity();
  const listRef = useRef<HTMLDivElement>(null);
  return (
    <>
      <NewTopicsBanner
        activity={activity}
        onShow={() => {
          feed.reload();
          listRef.current?.focus();
        }}
      />
      {feed.problem && <p class="alert alert-error">{feed.problem.message}</p>}
      <div ref={listRef} tabIndex={-1} class="feed-list">
        {!feed.isLoading || feed.items.length ? <TopicList topics={feed.items} spaces={spaces} label="Latest topics" /> : null}
      </div>
      <ListFooter list={feed} noun="topics" moreLabel="Load more" />
    </>
  );
}

export function TopFeed({ spaces, period }: { spaces: Space[]; period: Period }) {
  const { me } = useSession();
  const feed = usePagedList(
    (cursor) => call(api.GET('/api/topics', { params: { query: cursor ? { feed: 'top', period, cursor } : { feed: 'top', period } } })),
    `${period}:${memberKey(me)}`,
  );
  const label = periods.find((p) => p.value === period)?.label ?? period;
  return (
    <>
      <div class="field period-field">
        <label for="top-period">Period</label>
        <select id="top-period" value={period} onChange={(event) => navigate(`/?feed=top&period=${event.currentTarget.value}`, { replace: true, keepScroll: true })}>
          {periods.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      {feed.problem && <p class="alert alert-error">{feed.problem.message}</p>}
      {!feed.isLoading && feed.items.length === 0 && !feed.problem ? (
        <p class="muted">No topics with replies or reactions in the {label.toLowerCase()}.</p>
      ) : !feed.isLoading || feed.items.length ? (
        <TopicList topics={feed.items} spaces={spaces} label={`Top topics, ${label.toLowerCase()}`} />
      ) : null}
      <ListFooter list={feed} noun="topics" moreLabel="Load more" />
    </>
  );
}

export function NewFeed({ spaces }: { spaces: Space[] }) {
  const { me } = useSession();
  const feed = usePagedList((cursor) => call(api.GET('/api/topics', { params: { query: cursor ? { feed: 'new', cursor } : { feed: 'new' } } })), memberKey(me));
  return (
    <>
      {feed.problem && <p class="alert alert-error">{feed.problem.message}</p>}
      {!feed.isLoading && feed.items.length === 0 && !feed.problem ? (
        <p class="muted">No new topics. Topics started in the last two weeks show here until you open them.</p>
      ) : !feed.isLoading || feed.items.length ? (
        <TopicList topics={feed.items} spaces={spaces} label="New topics" />
      ) : null}
      <ListFooter list={feed} noun="topics" moreLabel="Load more" />
    </>
  );
}

function UnreadRow({ topic, space }: { topic: UnreadTopic; space: Space | undefined }) {
  return (
    <li class="topic-row" data-testid="unread-row">
      <div class="topic-main">
        <Link href={topicPath({ id: topic.topicId }, topic.lastReadPostNumber + 1)} class="topic-title">
          {topic.title}
        </Link>
        <span class="badge badge-unread">{topic.unreadCount} unread</span>
      </div>
      <div class="topic-meta small muted">
        {space && <SpaceChip space={space} />}
        <span>
          Last activity <time dateTime={topic.lastPostedAt}>{formatDateTime(topic.lastPostedAt)}</time>
        </span>
      </div>
    </li>
  );
}

export function UnreadFeed({ spaces }: { spaces: Space[] }) {
  const { me } = useSession();
  const feed = usePagedList((cursor) => call(api.GET('/api/topics/unread', { params: { query: cursor ? { cursor } : {} } })), memberKey(me));
  const byId = new Map(spaces.map((space) => [space.id, space]));
  return (
    <>
      {feed.problem && <p class="alert alert-error">{feed.problem.message}</p>}
      {!feed.isLoading && feed.items.length === 0 && !feed.problem && <p class="muted">You are all caught up.</p>}
      {feed.items.length > 0 && (
        <ul class="topic-list" aria-label="Unread topics">
          {feed.items.map((topic) => (
            <UnreadRow key={topic.topicId} topic={topic} space={byId.get(topic.spaceId)} />
          ))}
        </ul>
      )}
      <ListFooter list={feed} noun="topics" moreLabel="Load more" />
    </>
  );
}
