// Public facts about the community (name, sign-up settings), loaded once and refreshed after admins change them.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import { call } from '../api/result';
import type { SiteFacts } from '../api/types';

export interface SiteState {
  site: SiteFacts | null;
  refreshSite(): Promise<void>;
}

const SiteContext = createContext<SiteState>({ site: null, refreshSite: () => Promise.resolve() });

export function SiteProvider({ children }: { children: ComponentChildren }) {
  const [site, setSite] = useState<SiteFacts | null>(null);
  const refreshSite = useCallback(async () => {
    const result = await call(api.GET('/api/site'));
    if (result.ok) setSite(result.data);
  }, []);
  useEffect(() => {
    void refreshSite();
  }, [refreshSite]);
  const value = useMemo(() => ({ site, refreshSite }), [site, refreshSite]);
  return <SiteContext.Provider value={value}>{children}</SiteContext.Provider>;
}

export function useSite(): SiteState {
  return useContext(SiteContext);
}

/** Sets the tab title: "Page · Community". */
export function useTitle(page: string): void {
  const { site } = useSite();
  const name = site?.name ?? 'Hearth';
  useEffect(() => {
    document.title = page ? `${page} · ${name}` : name;
  }, [page, name]);
}
