// Vote for an idea or take the vote back: a toggle button with the vote count, kept live. Guests see the count only.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, type ApiProblem } from '../../../api/result';
import { useRealtimeEvents } from '../../../lib/realtime';
import { useSession } from '../../../lib/session';
import { votesLabel, type IdeaVote } from './types';

interface VoteButtonProps {
  topicId: number;
  title: string;
  votes: number;
  voted: boolean;
  /** false for a merged duplicate: its votes live on in the idea it repeats. */
  canVote?: boolean;
  onChange?: (vote: IdeaVote) => void;
}

export function VoteButton({ topicId, title, votes, voted, canVote = true, onChange }: VoteButtonProps) {
  const { me } = useSession();
  const [state, setState] = useState({ votes, voted });
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  useEffect(() => setState({ votes, voted }), [votes, voted]);
  // Other members' votes move the count live; this member's own vote stays as they set it.
  useRealtimeEvents(['idea.votesChanged'], (data) => {
    if (data.topicId === topicId && typeof data.votes === 'number') setState((current) => ({ ...current, votes: data.votes as number }));
  });

  const toggle = async () => {
    setPending(true);
    setProblem(null);
    const params = { params: { path: { id: topicId } } };
    const result = await call(state.voted ? api.DELETE('/api/ideas/{id}/vote', params) : api.POST('/api/ideas/{id}/vote', params));
    setPending(false);
    if (!result.ok) return setProblem(result.problem);
    setState({ votes: result.data.votes, voted: result.data.voted });
    onChange?.(result.data);
  };

  const count = (
    <span class="idea-vote-count" data-testid="idea-votes">
      {votesLabel(state.votes)}
    </span>
  );
  if (!me || !canVote) return <div class="idea-vote">{count}</div>;
  return (
    <div class="idea-vote">
      <button
        type="button"
        class={`button ${state.voted ? 'button-primary' : 'button-secondary'} idea-vote-button`}
        aria-pressed={state.voted ? 'true' : 'false'}
        aria-label={`${state.voted ? 'Take back your vote for' : 'Vote for'} ${title}`}
        disabled={pending}
        onClick={() => void toggle()}
        data-testid="idea-vote-button"
      >
        {state.voted ? 'Voted' : 'Vote'}
      </button>
      {count}
      {problem && (
        <span class="alert alert-error small" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );
}
