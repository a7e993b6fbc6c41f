// A Q&A space's questions in place of the plain topic list: tabs All / Unanswered / Answered, each
// question with its answer count, up-votes and an "Answered" mark. Unanswered: no reply at all.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { ListFooter } from '../../../components/list-footer';
import { Tabs } from '../../../components/tabs';
import { formatDateTime } from '../../../lib/format';
import { isStaff, useSession } from '../../../lib/session';
import { usePagedList } from '../../../lib/use-paged-list';
import { topicPath } from '../../discussions/paths';
import type { SpaceView } from '../registry';
import { QaStats } from './qa-stats';
import type { Question, QuestionFilter } from './types';

const tabs: { id: QuestionFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'unanswered', label: 'Unanswered' },
  { id: 'answered', label: 'Answered' },
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function QuestionRow({ question }: { question: Question }) {
  return (
    <li class="topic-row" data-testid="question-row">
      <div class="topic-main">
        <Link href={topicPath(question)} class="topic-title">
          {question.title}
        </Link>
        {question.answered && (
          <span class="badge" data-testid="answered-mark">
            Answered
          </span>
        )}
      </div>
      <div class="topic-meta small muted">
        <span>by {question.author.username ?? question.author.displayName}</span>
        <span data-testid="answer-count">{plural(question.answerCount, 'answer', 'answers')}</span>
        <span>{plural(question.voteCount, 'vote', 'votes')}</span>
        <span>
          Asked <time dateTime={question.createdAt}>{formatDateTime(question.createdAt)}</time>
        </span>
      </div>
    </li>
  );
}

export const QuestionsView: SpaceView = ({ space }) => {
  const { me } = useSession();
  const [filter, setFilter] = useState<QuestionFilter>('all');
  const list = usePagedList(
    (cursor) => call(api.GET('/api/spaces/{id}/questions', { params: { path: { id: space.id }, query: { filter, ...(cursor ? { cursor } : {}) } } })),
    `${space.id}:${filter}:${me?.id ?? ''}`,
  );
  const empty = { all: 'No questions yet.', unanswered: 'Every question has a reply.', answered: 'No question has an accepted answer yet.' }[filter];
  return (
    <>
      {isStaff(me) && <QaStats space={space} />}
      <Tabs label="Questions" tabs={tabs} selected={filter} onSelect={(id) => setFilter(id as QuestionFilter)}>
        {list.problem && <p class="alert alert-error">{list.problem.message}</p>}
        {!list.isLoading && list.items.length === 0 && !list.problem && <p class="muted">{empty}</p>}
        {list.items.length > 0 && (
          <ul class="topic-list" aria-label={`Questions in ${space.name}`}>
            {list.items.map((q) => (
              <QuestionRow key={q.id} question={q} />
            ))}
          </ul>
        )}
        <ListFooter list={list} noun="questions" moreLabel="Load more questions" />
      </Tabs>
    </>
  );
};
