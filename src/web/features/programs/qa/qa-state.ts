// One shared copy of a question's Q&A facts per topic, so the accepted-answer panel and every post's
// actions show the same thing and update together after an accept or a vote.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { useRealtimeEvents } from '../../../lib/realtime';
import type { TopicQa } from './types';

interface Entry {
  data: TopicQa | null;
  listeners: Set<(data: TopicQa | null) => void>;
  loading: boolean;
}

const entries = new Map<number, Entry>();

function entryOf(topicId: number): Entry {
  let entry = entries.get(topicId);
  if (!entry) {
    entry = { data: null, listeners: new Set(), loading: false };
    entries.set(topicId, entry);
  }
  return entry;
}

export function setTopicQa(topicId: number, data: TopicQa | null): void {
  const entry = entryOf(topicId);
  entry.data = data;
  for (const listener of entry.listeners) listener(data);
}

export async function reloadTopicQa(topicId: number): Promise<void> {
  const entry = entryOf(topicId);
  entry.loading = true;
  const result = await call(api.GET('/api/topics/{id}/qa', { params: { path: { id: topicId } } }));
  entry.loading = false;
  setTopicQa(topicId, result.ok ? result.data : null);
}

/** The topic's Q&A facts, loaded once for every component that asks (and again on `key` changes, e.g. the viewer). */
export function useTopicQa(topicId: number, key: string): TopicQa | null {
  const entry = entryOf(topicId);
  const [data, setData] = useState<TopicQa | null>(entry.data);
  useEffect(() => {
    entry.listeners.add(setData);
    if (!entry.loading) void reloadTopicQa(topicId);
    return () => {
      entry.listeners.delete(setData);
      if (entry.listeners.size === 0) entries.delete(topicId);
    };
  }, [topicId, key]);
  return data;
}

/** Reads the question's Q&A facts again when someone votes or accepts elsewhere (call once per topic page). */
export function useLiveTopicQa(topicId: number): void {
  useRealtimeEvents(['qa.changed'], (data) => {
    if (data.topicId === topicId) void reloadTopicQa(topicId);
  });
}
