// Above a question's posts: the accepted answer (author, text, time) with a link to it in the thread.
// It also keeps the page's Q&A facts live: votes and acceptance made elsewhere show without a reload.
import { Link } from '../../../components/link';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import type { TopicPanel } from '../registry';
import { topicPath } from '../../discussions/paths';
import { useLiveTopicQa, useTopicQa } from './qa-state';

export const AcceptedAnswerPanel: TopicPanel = ({ topic }) => {
  const { me } = useSession();
  const qa = useTopicQa(topic.id, String(me?.id ?? ''));
  useLiveTopicQa(topic.id);
  if (!qa) return null;
  const answer = qa.acceptedAnswer;
  if (!answer) {
    return (
      <p class="qa-status muted small" data-testid="qa-no-accepted">
        {topic.replyCount === 0 ? 'No answers yet.' : 'No answer is accepted yet.'}
      </p>
    );
  }
  const by = answer.author.username ?? answer.author.displayName;
  return (
    <section class="accepted-answer callout panel-success" aria-labelledby="accepted-answer-title" data-testid="accepted-answer">
      <h2 id="accepted-answer-title">
        <span class="badge">Accepted answer</span> by {by}
      </h2>
      {/* The server renders Markdown and sanitizes the HTML. */}
      <div class="post-body" dangerouslySetInnerHTML={{ __html: answer.html }} />
      <p class="small muted">
        Answered <time dateTime={answer.createdAt}>{formatDateTime(answer.createdAt)}</time> · accepted <time dateTime={answer.acceptedAt}>{formatDateTime(answer.acceptedAt)}</time> ·{' '}
        {answer.votes} {answer.votes === 1 ? 'vote' : 'votes'} · <Link href={topicPath(topic, answer.postNumber)}>Go to the answer in the thread</Link>
      </p>
    </section>
  );
};
