// The community guidelines, folded so the sign-up form stays short.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Markdown } from '../../components/markdown';
import { useResource } from '../../lib/use-resource';

export function GuidelinesBox() {
  const guidelines = useResource(() => call(api.GET('/api/guidelines')), []);
  return (
    <details class="guidelines">
      <summary>Read the community guidelines</summary>
      {guidelines.status === 'loading' && <p>Loading the guidelines…</p>}
      {guidelines.status === 'failed' && <p class="alert alert-error">{guidelines.problem.message}</p>}
      {guidelines.status === 'ready' && <Markdown source={guidelines.data.markdown} />}
    </details>
  );
}
