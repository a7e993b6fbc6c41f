// The signed-in member's unread notification count, refreshed on load, on realtime events and on demand.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { call } from '../api/result';
import { useRealtimeEvents } from './realtime';
import { useSession } from './session';

interface UnreadState {
  unreadCount: number;
  refresh(): void;
  set(count: number): void;
}

const UnreadContext = createContext<UnreadState>({ unreadCount: 0, refresh: () => undefined, set: () => undefined });

export function UnreadProvider({ children }: { children: ComponentChildren }) {
  const { me } = useSession();
  const [unreadCount, setUnreadCount] = useState(0);
  const timers = useRef<number[]>([]);
  const memberId = me?.id ?? null;

  const refresh = useCallback(() => {
    if (memberId === null) return setUnreadCount(0);
    void call(api.GET('/api/notifications/unread-count')).then((result) => {
      if (result.ok) setUnreadCount(result.data.unreadCount);
    });
  }, [memberId]);

  useEffect(() => {
    refresh();
    return () => timers.current.forEach((timer) => window.clearTimeout(timer));
  }, [refresh]);

  useRealtimeEvents(['notification.created'], (data) => {
    if (data.memberId === undefined || data.memberId === memberId) refresh();
  });
  // The server does not stream notification.created yet; notifications follow these events shortly after.
  useRealtimeEvents(['post.created', 'topic.created', 'reaction.added'], (data) => {
    if (memberId === null || data.authorId === memberId || data.memberId === memberId) return;
    timers.current = [window.setTimeout(refresh, 600), window.setTimeout(refresh, 2500)];
  });

  const value = useMemo(() => ({ unreadCount, refresh, set: setUnreadCount }), [unreadCount, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): UnreadState {
  return useContext(UnreadContext);
}
