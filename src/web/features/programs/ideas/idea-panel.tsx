// Above an idea's posts: the vote button and count, the status with staff's public comment and its
// history, a link to the roadmap; for staff, the status and "merge into…" forms.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { topicPath } from '../../discussions/paths';
import type { TopicPanel } from '../registry';
import { IdeaMergeForm, IdeaStatusForm } from './idea-staff-forms';
import { StatusBadge } from './status-badge';
import { roadmapPath, statusLabels, type Idea } from './types';
import { VoteButton } from './vote-button';
import './ideas.css';

function History({ idea }: { idea: Idea }) {
  if (idea.history.length === 0) return null;
  return (
    <details class="idea-history">
      <summary>Status history ({idea.history.length})</summary>
      <ol>
        {idea.history.map((change, i) => (
          <li key={i}>
            <strong>{statusLabels[change.status]}</strong> <time dateTime={change.at}>{formatDateTime(change.at)}</time>
            {change.actor && <span class="muted"> by {change.actor.username ?? change.actor.displayName}</span>}
            {change.commentHtml && <div class="post-body" dangerouslySetInnerHTML={{ __html: change.commentHtml }} />}
          </li>
        ))}
      </ol>
    </details>
  );
}

export const IdeaPanel: TopicPanel = ({ topic, space }) => {
  const { me } = useSession();
  const resource = useResource(() => call(api.GET('/api/ideas/{id}', { params: { path: { id: topic.id } } })), [topic.id, me?.id ?? null]);
  const idea = resource.data;
  if (!idea) return resource.status === 'failed' ? <p class="alert alert-error">{resource.problem.message}</p> : null;
  return (
    <section class="idea-panel callout" aria-labelledby="idea-panel-title" data-testid="idea-panel">
      <h2 id="idea-panel-title" class="visually-hidden">
        Idea status and votes
      </h2>
      <div class="idea-panel-head">
        <VoteButton topicId={idea.topicId} title={idea.title} votes={idea.votes} voted={idea.voted} canVote={idea.mergedInto === null && idea.status !== 'duplicate'} onChange={resource.reload} />
        <p>
          Status: <StatusBadge status={idea.status} />
          {idea.statusChangedAt && (
            <span class="small muted">
              {' '}
              since <time dateTime={idea.statusChangedAt}>{formatDateTime(idea.statusChangedAt)}</time>
            </span>
          )}
        </p>
        <Link href={roadmapPath(space)} class="small">
          Roadmap
        </Link>
      </div>
      {idea.statusCommentHtml && <div class="post-body idea-status-comment" data-testid="idea-status-comment" dangerouslySetInnerHTML={{ __html: idea.statusCommentHtml }} />}
      {idea.mergedInto && (
        <p class="alert alert-info">
          Merged into <Link href={topicPath(idea.mergedInto)}>{idea.mergedInto.title}</Link>; vote there.
        </p>
      )}
      {idea.duplicates.length > 0 && (
        <p class="small">
          Merged here:{' '}
          {idea.duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ', '}
              <Link href={topicPath(d)}>{d.title}</Link>
            </span>
          ))}
        </p>
      )}
      <History idea={idea} />
      {idea.canManage && idea.status !== 'duplicate' && (
        <details class="idea-staff">
          <summary>Staff: status and merge</summary>
          <IdeaStatusForm idea={idea} onSaved={resource.reload} />
          <IdeaMergeForm idea={idea} onMerged={resource.reload} />
        </details>
      )}
    </section>
  );
};
