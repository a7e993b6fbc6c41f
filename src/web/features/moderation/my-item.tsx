// One of the member's posts that moderation held or removed: where, why, what happened, and the appeal.
import { Link } from '../../components/link';
import { formatDateTime } from '../../lib/format';
import { topicPath } from '../discussions/paths';
import { AppealForm } from './appeal-form';
import { ReasonDetails } from './reason-details';
import type { Appeal, MyItem } from './types';
import { appealStatusLabels, statusLabels } from './words';

function statusText(status: string): string {
  return Object.entries(statusLabels).find(([key]) => key === status)?.[1] ?? status;
}

export function MyItemCard({ item, appeal, isTarget, onAppealed }: { item: MyItem; appeal: Appeal | undefined; isTarget: boolean; onAppealed: () => void }) {
  const headingId = `item-${item.id}-title`;
  const title = item.post ? `Your post in “${item.post.topicTitle}”` : 'Your account';
  return (
    <li id={`item-${item.id}`} class={`my-item${isTarget ? ' is-target' : ''}`} aria-labelledby={headingId} data-testid="my-item">
      <div class="member-head">
        <h3 id={headingId}>{title}</h3>
        <span class={item.status === 'rejected' ? 'badge badge-danger' : 'badge'}>{statusText(item.status)}</span>
      </div>
      <p class="small muted">
        {formatDateTime(item.createdAt)}
        {item.post && item.status !== 'rejected' && (
          <>
            {' · '}
            <Link href={topicPath({ id: item.post.topicId })}>Open the topic</Link>
          </>
        )}
      </p>
      {item.post && <blockquote class="excerpt">{item.post.excerpt}</blockquote>}
      <ReasonDetails reason={item.reason} />
      {item.resolution && (
        <p>
          <strong>Moderator's decision:</strong> {item.resolution}
          {item.resolutionReason ? `: ${item.resolutionReason}` : ''}
          {item.resolvedAt ? ` (${formatDateTime(item.resolvedAt)})` : ''}
        </p>
      )}
      {appeal && <p class="small">Your appeal: {appealStatusLabels[appeal.status]}{appeal.decisionNote ? `: ${appeal.decisionNote}` : ''}</p>}
      {item.appealable && !appeal && <AppealForm target={{ reviewItemId: item.id }} what={`the decision on ${title}`} onFiled={onAppealed} />}
    </li>
  );
}
