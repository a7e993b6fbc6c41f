// The spaces the viewer can see, loaded once per page.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';

export function useSpaces() {
  const { me } = useSession();
  return useResource(() => call(api.GET('/api/spaces')), [me?.id ?? null]);
}
