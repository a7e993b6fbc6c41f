// "3 new topics — Show": counts topics started (and topics replied to) by others since a list loaded,
// from the realtime stream, which only carries what the viewer may see. Showing reloads the list.
import { useRef, useState } from 'preact/hooks';
import { useRealtimeEvents } from '../../lib/realtime';
import { useSession } from '../../lib/session';

export interface NewActivity {
  newTopics: number;
  updatedTopics: number;
  /** Forget what was counted (the list was reloaded). */
  reset(): void;
}

/** Counts activity in one space, or everywhere when spaceId is undefined. */
export function useNewActivity({ spaceId }: { spaceId?: number } = {}): NewActivity {
  const { me } = useSession();
  const [created, setCreated] = useState<ReadonlySet<number>>(new Set());
  const [updated, setUpdated] = useState<ReadonlySet<number>>(new Set());
  const createdRef = useRef(created);
  createdRef.current = created;

  const concerns = (data: Record<string, unknown>): data is { topicId: number; spaceId: number } =>
    typeof data.topicId === 'number' && typeof data.spaceId === 'number' && (spaceId === undefined || data.spaceId === spaceId) && (me === null || data.authorId !== me.id);

  useRealtimeEvents(['topic.created'], (data) => {
    if (!concerns(data)) return;
    setCreated((previous) => new Set(previous).add(data.topicId));
  });
  // A reply bumps its topic to the top of the latest list.
  useRealtimeEvents(['post.created'], (data) => {
    if (!concerns(data) || createdRef.current.has(data.topicId)) return;
    setUpdated((previous) => new Set(previous).add(data.topicId));
  });

  return {
    newTopics: created.size,
    updatedTopics: [...updated].filter((id) => !created.has(id)).length,
    reset: () => {
      setCreated(new Set());
      setUpdated(new Set());
    },
  };
}

function describe(newTopics: number, updatedTopics: number): string {
  const parts = [];
  if (newTopics > 0) parts.push(`${newTopics} new ${newTopics === 1 ? 'topic' : 'topics'}`);
  if (updatedTopics > 0) parts.push(`${updatedTopics} ${updatedTopics === 1 ? 'topic' : 'topics'} with new replies`);
  return parts.join(' and ');
}

/** Always in the page, so screen readers hear the count politely as it changes. */
export function NewTopicsBanner({ activity, onShow }: { activity: NewActivity; onShow: () => void }) {
  const { newTopics, updatedTopics } = activity;
  const hasNews = newTopics + updatedTopics > 0;
  return (
    <div class="new-topics" role="status" aria-live="polite" data-testid="new-topics">
      {hasNews && (
        <p class="new-topics-banner">
          <span>{describe(newTopics, updatedTopics)}</span>
          {' — '}
          <button
            type="button"
            class="button button-link"
            onClick={() => {
              activity.reset();
              onShow();
            }}
          >
            Show
          </button>
        </p>
      )}
    </div>
  );
}
