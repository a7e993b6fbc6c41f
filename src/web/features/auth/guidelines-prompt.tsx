// When the guidelines changed since a member accepted them, a banner asks them to read and accept the
// new version (POST /api/me/guidelines); it stays until they do.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Markdown } from '../../components/markdown';
import { useSession } from '../../lib/session';
import { useSite } from '../../lib/site';
import { useAction } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';

function NewGuidelines({ version }: { version: number }) {
  const session = useSession();
  const guidelines = useResource(() => call(api.GET('/api/guidelines')), [version]);
  const accept = useAction(async (read: number) => {
    const result = await call(api.POST('/api/me/guidelines', { body: { version: read } }));
    if (!result.ok) return result.problem;
    await session.refresh();
  });
  return (
    <section class="guidelines-prompt alert alert-info" aria-labelledby="guidelines-prompt-title">
      <h2 id="guidelines-prompt-title">The community guidelines changed</h2>
      <p>Please read version {version} and accept it to keep taking part.</p>
      <details class="guidelines">
        <summary>Read the guidelines</summary>
        {guidelines.status === 'ready' && <Markdown source={guidelines.data.markdown} />}
        {guidelines.status === 'failed' && <p class="alert alert-error">{guidelines.problem.message}</p>}
      </details>
      {accept.problem && (
        <p class="alert alert-error" role="alert">
          {accept.problem.message}
        </p>
      )}
      <button type="button" class="button" disabled={accept.pending || guidelines.status !== 'ready'} onClick={() => guidelines.status === 'ready' && void accept.run(guidelines.data.version)}>
        I accept the guidelines
      </button>
    </section>
  );
}

export function GuidelinesPrompt() {
  const { me } = useSession();
  const { site } = useSite();
  if (!me || !site || (me.guidelinesVersion ?? 0) >= site.guidelinesVersion) return null;
  return <NewGuidelines version={site.guidelinesVersion} />;
}
