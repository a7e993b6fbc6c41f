// Keeps a topic page in step when staff split or merge it: a merged topic sends the reader on to where its
// posts went; a topic that lost or gained posts offers a reload (posts were renumbered).
import { useEffect, useState } from 'preact/hooks';
import type { TopicDetail } from '../../api/types';
import { navigate } from '../../lib/router';
import { useRealtimeEvents } from '../../lib/realtime';
import { topicPath } from './paths';

/** Topics this browser just split or merged, so its own change is not announced back to it. */
const ownChanges = new Map<number, number>();
const OWN_CHANGE_MS = 15_000;

export function markOwnChange(topicIds: readonly number[]): void {
  const now = Date.now();
  for (const id of topicIds) ownChanges.set(id, now);
}

const isOwnChange = (topicId: number): boolean => Date.now() - (ownChanges.get(topicId) ?? 0) < OWN_CHANGE_MS;

export function TopicChangedNotice({ topic }: { topic: TopicDetail }) {
  const [isChanged, setChanged] = useState(false);
  const mergedInto = topic.mergedIntoId;
  useEffect(() => {
    if (mergedInto !== null) navigate(topicPath({ id: mergedInto }), { replace: true });
  }, [mergedInto]);
  useRealtimeEvents(['topic.split', 'topic.merged'], (data) => {
    if (data.topicId === topic.id && typeof data.intoTopicId === 'number') return navigate(topicPath({ id: data.intoTopicId }), { replace: true });
    const touched = data.topicId === topic.id || data.intoTopicId === topic.id;
    if (touched && !isOwnChange(topic.id)) setChanged(true);
  });
  return (
    <div class="live-region" role="status" aria-live="polite">
      {isChanged && (
        <p class="alert alert-info">
          Staff moved posts in or out of this topic, and they were numbered again.{' '}
          <button type="button" class="button button-link" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      )}
    </div>
  );
}
