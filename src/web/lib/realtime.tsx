// One shared EventSource on /api/realtime per session; components subscribe to event names they care about.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { useSession } from './session';

type Handler = (data: Record<string, unknown>) => void;

interface Realtime {
  subscribe(event: string, handler: Handler): () => void;
}

const RealtimeContext = createContext<Realtime>({ subscribe: () => () => undefined });

export function RealtimeProvider({ children }: { children: ComponentChildren }) {
  const { me, isLoading } = useSession();
  const handlers = useRef(new Map<string, Set<Handler>>());
  const source = useRef<EventSource | null>(null);
  const attached = useRef(new Set<string>());

  const attach = (event: string) => {
    const current = source.current;
    if (!current || attached.current.has(event)) return;
    attached.current.add(event);
    current.addEventListener(event, (message) => {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse((message as MessageEvent<string>).data) as Record<string, unknown>;
      } catch {
        return;
      }
      for (const handler of handlers.current.get(event) ?? []) handler(data);
    });
  };

  const memberId = me?.id ?? null;
  useEffect(() => {
    if (isLoading || typeof EventSource === 'undefined') return;
    // Reconnect whenever the signed-in member changes, so the stream carries what they may see.
    const stream = new EventSource('/api/realtime', { withCredentials: true });
    source.current = stream;
    attached.current = new Set();
    for (const event of handlers.current.keys()) attach(event);
    return () => {
      stream.close();
      source.current = null;
    };
  }, [memberId, isLoading]);

  const value = useMemo<Realtime>(
    () => ({
      subscribe(event, handler) {
        let set = handlers.current.get(event);
        if (!set) handlers.current.set(event, (set = new Set()));
        set.add(handler);
        attach(event);
        return () => set.delete(handler);
      },
    }),
    [],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** Calls the latest handler for each named event while the component is mounted. */
export function useRealtimeEvents(events: string[], handler: Handler): void {
  const { subscribe } = useContext(RealtimeContext);
  const latest = useRef(handler);
  latest.current = handler;
  const key = events.join(',');
  useEffect(() => {
    const offs = events.map((event) => subscribe(event, (data) => latest.current(data)));
    return () => offs.forEach((off) => off());
  }, [key, subscribe]);
}
