// A knowledge base in place of the plain topic list: its articles A→Z, by review date or by how
// helpful readers found them, with the last review date and, for staff, a "needs review" badge.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { Tabs } from '../../../components/tabs';
import { formatDate } from '../../../lib/format';
import { isStaff, useSession } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { topicPath } from '../../discussions/paths';
import type { SpaceView } from '../registry';
import { helpfulLabel, type ArticleSort, type ArticleSummary } from './types';
import './articles.css';

const tabs: { id: ArticleSort; label: string }[] = [
  { id: 'title', label: 'A–Z' },
  { id: 'reviewed', label: 'Review date' },
  { id: 'helpful', label: 'Most helpful' },
];

function ArticleRow({ article, staff }: { article: ArticleSummary; staff: boolean }) {
  const helpful = helpfulLabel(article.helpful, article.helpfulShare);
  return (
    <li class="topic-row article-row" data-testid="article-row">
      <div class="topic-main">
        <Link href={topicPath({ id: article.id, slug: article.slug })} class="topic-title">
          {article.title}
        </Link>
        {staff && article.needsReview && (
          <span class="badge badge-warn" data-testid="needs-review">
            Needs review
          </span>
        )}
      </div>
      <div class="topic-meta small muted">
        <span data-testid="article-reviewed">
          {article.lastReviewedAt ? (
            <>
              Last reviewed <time dateTime={article.lastReviewedAt}>{formatDate(article.lastReviewedAt)}</time>
            </>
          ) : (
            'Not reviewed yet'
          )}
        </span>
        {helpful && <span data-testid="article-helpful">{helpful}</span>}
      </div>
    </li>
  );
}

export const ArticlesSpaceView: SpaceView = ({ space }) => {
  const { me } = useSession();
  const [sort, setSort] = useState<ArticleSort>('title');
  const list = useResource(() => call(api.GET('/api/spaces/{id}/articles', { params: { path: { id: space.id }, query: { sort } } })), [space.id, sort, me?.id ?? null]);
  const items = list.data?.items ?? [];
  return (
    <div class="knowledge-base">
      <Tabs label="Sort articles" tabs={tabs} selected={sort} onSelect={(id) => setSort(id as ArticleSort)}>
        {list.status === 'failed' && <p class="alert alert-error">{list.problem.message}</p>}
        {list.status === 'ready' && items.length === 0 && <p class="muted">No articles here yet.</p>}
        {items.length > 0 && (
          <ul class="topic-list" aria-label={`Articles in ${space.name}`}>
            {items.map((article) => (
              <ArticleRow key={article.id} article={article} staff={isStaff(me)} />
            ))}
          </ul>
        )}
      </Tabs>
    </div>
  );
};
