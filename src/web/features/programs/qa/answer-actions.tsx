// On each answer of a question: an up-vote button with its count, and "Accept answer" for the asker
// and moderators. Neither shows on the question itself (post 1).
import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, type ApiProblem } from '../../../api/result';
import { useSession } from '../../../lib/session';
import type { PostAction } from '../registry';
import { reloadTopicQa, setTopicQa, useTopicQa } from './qa-state';

export const AnswerActions: PostAction = ({ post, topic }) => {
  const { me } = useSession();
  const qa = useTopicQa(topic.id, String(me?.id ?? ''));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  if (!qa || post.postNumber === 1) return null;

  const count = qa.votes.find((v) => v.postId === post.id)?.count ?? 0;
  const voted = qa.myVotes.includes(post.id);
  const isAccepted = qa.acceptedAnswer?.postId === post.id;
  const isMine = me?.id === post.author.id;
  const canVote = qa.canVote && !isMine;

  const run = async (work: () => Promise<{ ok: true } | { ok: false; problem: ApiProblem }>) => {
    if (pending) return;
    setPending(true);
    setProblem(null);
    const result = await work();
    setPending(false);
    if (!result.ok) setProblem(result.problem);
  };
  const toggleVote = () =>
    run(async () => {
      const params = { params: { path: { id: post.id } } };
      const result = voted ? await call(api.DELETE('/api/posts/{id}/votes', params)) : await call(api.POST('/api/posts/{id}/votes', params));
      await reloadTopicQa(topic.id);
      return result.ok || result.problem.code === 'already_voted' ? { ok: true } : result;
    });
  const toggleAccept = () =>
    run(async () => {
      const params = { params: { path: { id: topic.id } } };
      if (isAccepted) {
        const result = await call(api.DELETE('/api/topics/{id}/accepted-answer', params));
        await reloadTopicQa(topic.id);
        return result.ok ? { ok: true } : result;
      }
      const result = await call(api.PUT('/api/topics/{id}/accepted-answer', { ...params, body: { postId: post.id } }));
      if (result.ok) setTopicQa(topic.id, result.data);
      return result.ok ? { ok: true } : result;
    });

  return (
    <span class="qa-actions" data-testid="qa-actions">
      {isAccepted && <span class="badge" data-testid="accepted-mark">Accepted</span>}
      {canVote ? (
        <button type="button" class="button button-link" aria-pressed={voted ? 'true' : 'false'} disabled={pending} onClick={() => void toggleVote()} data-testid="upvote">
          ▲ {count}
          <span class="visually-hidden"> {voted ? 'Take back your up-vote on' : 'Vote up'} post {post.postNumber}</span>
        </button>
      ) : (
        <span class="small muted" data-testid="vote-count">
          ▲ {count}
          <span class="visually-hidden"> up-votes</span>
        </span>
      )}
      {qa.canAccept && (
        <button type="button" class="button button-link" disabled={pending} onClick={() => void toggleAccept()} data-testid="accept-answer">
          {isAccepted ? 'Unaccept' : 'Accept answer'}
          <span class="visually-hidden"> post {post.postNumber}</span>
        </button>
      )}
      {problem && (
        <span role="alert" class="small field-error">
          {problem.message}
        </span>
      )}
    </span>
  );
};
