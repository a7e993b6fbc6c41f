// What stands in a topic for a post that is deleted, held for review, hidden after flags or removed by a moderator.
import { Link } from '../../components/link';
import { minePath } from './paths';

type State = 'held' | 'hidden' | 'rejected' | null;

const notes: Record<Exclude<State, null>, string> = {
  held: 'This post is waiting for a moderator’s review.',
  hidden: 'This post is hidden until a moderator reviews it.',
  rejected: 'A moderator removed this post.',
};

export function RemovedPostNote({ state, isMine }: { state: State; isMine: boolean }) {
  if (state === null) return <p class="muted">This post was deleted.</p>;
  return (
    <p class="muted removed-note">
      {notes[state]}
      {isMine && (
        <>
          {' '}
          <Link href={minePath}>See why in My moderation</Link>
        </>
      )}
    </p>
  );
}
