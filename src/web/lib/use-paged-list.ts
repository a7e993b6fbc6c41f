// Cursor-paged lists ("Load more"): the first page loads on mount and whenever the filter changes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiProblem, ApiResult } from '../api/result';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  isLoading: boolean;
  hasMore: boolean;
  problem: ApiProblem | null;
  loadMore(): void;
  reload(): void;
  replaceItem(match: (item: T) => boolean, next: T): void;
}

export function usePagedList<T>(loadPage: (cursor: string | undefined) => Promise<ApiResult<Page<T>>>, filterKey: string): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const generation = useRef(0);
  const latestLoad = useRef(loadPage);
  latestLoad.current = loadPage;

  const fetchPage = useCallback((cursor: string | undefined) => {
    const mine = ++generation.current;
    setLoading(true);
    setProblem(null);
    void latestLoad.current(cursor).then((result) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (!result.ok) return setProblem(result.problem);
      setItems((previous) => (cursor ? [...previous, ...result.data.items] : result.data.items));
      setNextCursor(result.data.nextCursor);
    });
  }, []);

  useEffect(() => {
    fetchPage(undefined);
  }, [filterKey, fetchPage]);

  const replaceItem = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((previous) => previous.map((item) => (match(item) ? next : item)));
  }, []);

  return {
    items,
    isLoading,
    hasMore: nextCursor !== null,
    problem,
    loadMore: () => {
      if (nextCursor) fetchPage(nextCursor);
    },
    reload: () => fetchPage(undefined),
    replaceItem,
  };
}
