// A list of topics: title, space chip, author, replies, last activity and (signed in) unread count.
import type { Space, Topic } from '../../api/types';
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { chipStyle, spacePath, topicPath } from './paths';
import { TagChips } from './tag-chips';

export function SpaceChip({ space }: { space: Space }) {
  return (
    <Link href={spacePath(space)} class="space-chip">
      <span class="space-dot" style={chipStyle(space.color)} aria-hidden="true" />
      {space.name}
    </Link>
  );
}

export function TopicList({ topics, spaces, label }: { topics: Topic[]; spaces: Space[]; label: string }) {
  const byId = new Map(spaces.map((space) => [space.id, space]));
  if (topics.length === 0) return <p class="muted">No topics yet.</p>;
  return (
    <ul class="topic-list" aria-label={label}>
      {topics.map((topic) => {
        const space = byId.get(topic.spaceId);
        return (
          <li key={topic.id} class="topic-row" data-testid="topic-row">
            <div class="topic-main">
              <Link href={topicPath(topic)} class="topic-title">
                {topic.pinned && <span class="badge">Pinned</span>} {topic.title}
              </Link>
              {topic.locked && <span class="badge badge-warn">Locked</span>}
              {topic.closed && <span class="badge badge-warn">Closed</span>}
              {(topic.unreadCount ?? 0) > 0 && (
                <span class="badge badge-unread" data-testid="unread-badge">
                  {topic.unreadCount} unread
                </span>
              )}
            </div>
            <div class="topic-meta small muted">
              {space && <SpaceChip space={space} />}
              <TagChips tags={topic.tags} />
              <span>by {topic.author.username ?? topic.author.displayName}</span>
              <span>
                {topic.replyCount} {topic.replyCount === 1 ? 'reply' : 'replies'}
              </span>
              <span>
                Last activity <time dateTime={topic.lastPostedAt}>{formatDateTime(topic.lastPostedAt)}</time>
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function SpaceList({ spaces }: { spaces: Space[] }) {
  return (
    <ul class="space-list plain-list">
      {spaces.map((space) => (
        <li key={space.id}>
          <SpaceChip space={space} />
          <span class="small muted"> {space.topicCount} topics</span>
        </li>
      ))}
    </ul>
  );
}
