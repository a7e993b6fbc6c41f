// The review queue as it changes elsewhere: other moderators claim and decide items, new ones arrive
// (held posts, flags, sign-ups). Realtime 'review.changed' events reach staff and the space's moderators.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { useRealtimeEvents } from '../../lib/realtime';
import type { ReviewItem } from './types';

/** Runs fn once, a moment after the last of a burst of calls (fifty flags at once make one request). */
export function useCoalesced(fn: () => void, ms = 250): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  }, [ms]);
}

/** Calls onChange once after each burst of queue changes, wherever they happen. */
export function useOnQueueEvent(onChange: () => void): void {
  const coalesced = useCoalesced(onChange);
  useRealtimeEvents(['review.changed'], coalesced);
}

let pendingInFlight: Promise<number | null> | null = null;

/**
 * The number of items waiting. Callers at the same moment share one request: on the queue page both the
 * header and the tab read it again after each burst of queue events.
 */
export function fetchPendingCount(): Promise<number | null> {
  pendingInFlight ??= call(api.GET('/api/moderation/queue', { params: { query: { limit: 1 } } }))
    .then((result) => (result.ok ? result.data.pending : null))
    .finally(() => {
      pendingInFlight = null;
    });
  return pendingInFlight;
}

interface LiveQueue {
  /** Items that arrived since the list was loaded, not shown yet. */
  arrived: number;
  clearArrived(): void;
}

/**
 * Keeps the shown items current (claimed or decided by someone else: re-read in place) and counts
 * arrivals the list's filter would show (`counts`), which the moderator brings in when ready rather than
 * having the list jump under them.
 */
export function useLiveQueue(shown: readonly ReviewItem[], counts: (kind: string) => boolean, replace: (item: ReviewItem) => void, onAnyChange: () => void): LiveQueue {
  const [arrived, setArrived] = useState(0);
  const refreshCounts = useCoalesced(onAnyChange);
  useRealtimeEvents(['review.changed'], (data) => {
    const itemId = Number(data.itemId);
    const isShown = shown.some((item) => item.id === itemId);
    if (isShown) {
      void call(api.GET('/api/moderation/queue/{id}', { params: { path: { id: itemId } } })).then((result) => {
        if (result.ok) replace(result.data);
      });
    } else if (data.change === 'added' && counts(String(data.kind))) setArrived((count) => count + 1);
    refreshCounts();
  });
  return { arrived, clearArrived: () => setArrived(0) };
}
