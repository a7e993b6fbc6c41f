// One review item: the post as the server rendered it, why it is here, its author, claim and decision.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../api/client';
import { Link } from '../../components/link';
import { StatusMessage } from '../../components/form';
import { formatDate, formatDateTime } from '../../lib/format';
import { topicPath } from '../discussions/paths';
import { ClaimControls } from './claim-controls';
import { DecisionForm } from './decision-form';
import { memberPath } from './paths';
import { ReasonDetails } from './reason-details';
import type { ReviewItem } from './types';
import { kindLabels, percent, statusLabels } from './words';

function Author({ item }: { item: ReviewItem }) {
  const { member } = item;
  return (
    <p class="small review-meta">
      By <Link href={memberPath(member.id)}>{member.username ?? member.displayName}</Link> · trust level {member.trustLevel} · joined {formatDate(member.joinedAt)}
      {item.space ? ` · in ${item.space.name}` : ''} · waiting since <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
    </p>
  );
}

function PostShown({ post }: { post: NonNullable<ReviewItem['post']> }) {
  return (
    <div class="review-post">
      <p class="small muted">
        Post #{post.postNumber}
        {post.state && <span class="badge badge-warn">{post.state}</span>}
      </p>
      {/* Sanitized on the server, as every post's HTML is. */}
      <div class="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
    </div>
  );
}

function Resolution({ item }: { item: ReviewItem }) {
  return (
    <p class="small review-resolution">
      {statusLabels[item.status]}
      {item.resolution ? ` (${item.resolution})` : ''}
      {item.resolvedBy ? ` by ${item.resolvedBy}` : ''}
      {item.resolvedAt ? ` on ${formatDateTime(item.resolvedAt)}` : ''}
      {item.resolutionReason ? `: ${item.resolutionReason}` : ''}
    </p>
  );
}

export function QueueItem({ item, me, onChange }: { item: ReviewItem; me: Me; onChange: (item: ReviewItem) => void }) {
  const [isDeciding, setDeciding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const decideButton = useRef<HTMLButtonElement>(null);
  const wasDeciding = useRef(false);
  // Closing the form gives focus back to the button that opened it.
  useEffect(() => {
    if (wasDeciding.current && !isDeciding) decideButton.current?.focus();
    wasDeciding.current = isDeciding;
  }, [isDeciding]);
  const headingId = `review-${item.id}`;
  return (
    <li class="review-item" aria-labelledby={headingId} data-testid="review-item">
      <div class="member-head">
        <h3 id={headingId}>
          {kindLabels[item.kind]}
          {item.post ? ` in “${item.post.topicTitle}”` : ` about ${item.member.username ?? item.member.displayName}`}
        </h3>
        <span class="badge">{statusLabels[item.status]}</span>
        <span class="badge" title="Flag weight, or the spam score for held posts">
          score {item.kind === 'flagged_post' || item.kind === 'flagged_member' ? item.score.toFixed(1) : percent(item.score)}
        </span>
      </div>
      <Author item={item} />
      {item.post && (
        <p class="small">
          <Link href={topicPath({ id: item.post.topicId, slug: item.post.topicSlug }, item.post.postNumber)}>Open the topic</Link>
        </p>
      )}
      {item.post && <PostShown post={item.post} />}
      <ReasonDetails reason={item.reason} showScores />
      {item.status === 'pending' ? <ClaimControls item={item} me={me} onChange={onChange} /> : <Resolution item={item} />}
      {item.status === 'pending' && !isDeciding && (
        <button type="button" class="button button-primary" ref={decideButton} onClick={() => setDeciding(true)}>
          Decide…<span class="visually-hidden"> item {item.id}</span>
        </button>
      )}
      {item.status === 'pending' && isDeciding && (
        <DecisionForm
          item={item}
          onCancel={() => setDeciding(false)}
          onDecided={(next) => {
            setDeciding(false);
            setStatus(`Decided: ${statusLabels[next.status].toLowerCase()}.`);
            onChange(next);
          }}
        />
      )}
      <StatusMessage message={status} />
    </li>
  );
}
