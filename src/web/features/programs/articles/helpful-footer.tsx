// After an article: "Was this helpful? Yes / No", with an optional comment for the staff. Members
// answer once and may change their answer; guests are asked to log in.
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { FormAlert, StatusMessage, SubmitButton, TextArea, formText } from '../../../components/form';
import { Link } from '../../../components/link';
import { useLocation } from '../../../lib/router';
import { useSession } from '../../../lib/session';
import { useAction } from '../../../lib/use-action';
import { useResource } from '../../../lib/use-resource';
import type { TopicPanel } from '../registry';
import { helpfulLabel } from './types';
import './articles.css';

export const HelpfulFooter: TopicPanel = ({ topic }) => {
  const { me } = useSession();
  const { path } = useLocation();
  const resource = useResource(() => call(api.GET('/api/articles/{id}', { params: { path: { id: topic.id } } })), [topic.id, me?.id ?? null]);
  const [message, setMessage] = useState<string | null>(null);
  const answer = useAction(async (helpful: boolean, comment: string | null) => {
    setMessage(null);
    const result = await call(api.PUT('/api/articles/{id}/feedback', { params: { path: { id: topic.id } }, body: { helpful, ...(comment !== null ? { comment } : {}) } }));
    if (!result.ok) return result.problem;
    resource.reload();
    setMessage(comment !== null ? 'Thanks, your comment was sent to the staff.' : 'Thanks for your answer.');
  });
  const article = resource.data;
  if (!article) return null;
  const mine = article.myFeedback;
  const summary = helpfulLabel(article.helpful, article.helpfulShare);
  return (
    <section class="article-helpful callout" aria-labelledby="article-helpful-title" data-testid="article-helpful">
      <h2 id="article-helpful-title" class="article-helpful-title">
        Was this helpful?
      </h2>
      {me ? (
        <>
          <div class="article-helpful-buttons" role="group" aria-labelledby="article-helpful-title">
            <button type="button" class="button button-secondary" aria-pressed={mine?.helpful === true ? 'true' : 'false'} disabled={answer.pending} onClick={() => void answer.run(true, null)}>
              Yes
            </button>
            <button type="button" class="button button-secondary" aria-pressed={mine?.helpful === false ? 'true' : 'false'} disabled={answer.pending} onClick={() => void answer.run(false, null)}>
              No
            </button>
          </div>
          {mine && (
            <form
              class="article-comment"
              onSubmit={(event) => {
                event.preventDefault();
                void answer.run(mine.helpful, formText(event.currentTarget)('comment'));
              }}
            >
              <TextArea label="Tell the staff what could be better" name="comment" rows={3} maxLength={1000} defaultValue={mine.comment ?? ''} />
              <SubmitButton pending={answer.pending} variant="secondary">
                Send comment
              </SubmitButton>
            </form>
          )}
        </>
      ) : (
        <p>
          <Link href={`/login?next=${encodeURIComponent(path)}`}>Log in</Link> to answer.
        </p>
      )}
      {summary && <p class="small muted">{summary}</p>}
      <FormAlert problem={answer.problem} />
      <StatusMessage message={message} />
    </section>
  );
};
