// Loads data for a page and reloads on demand; stale answers from an earlier load are ignored.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiProblem, ApiResult } from '../api/result';

export type Resource<T> =
  | { status: 'loading'; data: T | null; reload(): void }
  | { status: 'ready'; data: T; reload(): void }
  | { status: 'failed'; problem: ApiProblem; data: T | null; reload(): void };

type State<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'failed'; problem: ApiProblem; data: T | null };

export function useResource<T>(load: () => Promise<ApiResult<T>>, deps: unknown[]): Resource<T> {
  const [state, setState] = useState<State<T>>({ status: 'loading', data: null });
  const generation = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    void latestLoad.current().then((result) => {
      if (mine !== generation.current) return;
      setState((previous) => (result.ok ? { status: 'ready', data: result.data } : { status: 'failed', problem: result.problem, data: previous.data }));
    });
  }, []);

  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
    // The caller names what the load depends on, as with useEffect.
  }, deps);

  return { ...state, reload };
}
