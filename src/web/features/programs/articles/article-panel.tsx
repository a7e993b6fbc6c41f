// Above an article's text: its table of contents (links to the headings), when staff last reviewed
// it, and for staff a "Mark reviewed" button.
import { useEffect } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { FormAlert } from '../../../components/form';
import { formatDate } from '../../../lib/format';
import { isStaff, useSession } from '../../../lib/session';
import { useAction } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import type { TopicPanel } from '../registry';
import type { Article } from './types';
import './articles.css';

function Contents({ article }: { article: Article }) {
  // Posts load after the page, so a link opened with #h-… scrolls once the contents are known.
  useEffect(() => {
    let anchor: string;
    try {
      anchor = decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return; // a malformed #fragment (say #%E0) names no heading
    }
    if (anchor.startsWith('h-')) document.getElementById(anchor)?.scrollIntoView();
  }, [article.topicId]);
  if (article.toc.length === 0) return null;
  const top = Math.min(...article.toc.map((e) => e.level));
  return (
    <nav class="article-toc" aria-labelledby="article-toc-title" data-testid="article-toc">
      <h2 id="article-toc-title" class="article-toc-title">
        Contents
      </h2>
      <ul>
        {article.toc.map((entry) => (
          <li key={entry.anchor} class={`toc-level-${entry.level - top + 1}`}>
            <a href={`#${entry.anchor}`}>{entry.text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const ArticlePanel: TopicPanel = ({ topic }) => {
  const { me } = useSession();
  const resource = useResource(() => call(api.GET('/api/articles/{id}', { params: { path: { id: topic.id } } })), [topic.id, me?.id ?? null]);
  const review = useAction(async () => {
    const result = await call(api.POST('/api/articles/{id}/review', { params: { path: { id: topic.id } } }));
    if (!result.ok) return result.problem;
    resource.reload();
  });
  const article = resource.data;
  if (!article) return resource.status === 'failed' ? <p class="alert alert-error">{resource.problem.message}</p> : null;
  const staff = isStaff(me);
  return (
    <section class="article-panel callout" aria-label="About this article" data-testid="article-panel">
      <p class="article-review small" data-testid="article-last-reviewed">
        {article.lastReviewedAt ? (
          <>
            Last reviewed <time dateTime={article.lastReviewedAt}>{formatDate(article.lastReviewedAt)}</time>
            {article.reviewedBy?.username && <span class="muted"> by {article.reviewedBy.username}</span>}
          </>
        ) : (
          'Not reviewed yet'
        )}
        {staff && article.needsReview && <span class="badge badge-warn"> Needs review</span>}
        {staff && (
          <button type="button" class="button button-secondary button-small" disabled={review.pending} onClick={() => void review.run()}>
            Mark reviewed
          </button>
        )}
      </p>
      {staff && <FormAlert problem={review.problem} />}
      <Contents article={article} />
    </section>
  );
};
