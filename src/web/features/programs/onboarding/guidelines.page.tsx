// /guidelines: the community guidelines to read (the welcome message and the checklist link here). A
// member who has not accepted the current version sees the layout's prompt above, with the button.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Loading } from '../../../components/guards';
import { Link } from '../../../components/link';
import { Markdown } from '../../../components/markdown';
import { useSession } from '../../../lib/session';
import { useTitle } from '../../../lib/site';
import { useResource } from '../../../lib/use-resource';

export function GuidelinesPage() {
  useTitle('Community guidelines');
  const { me } = useSession();
  const guidelines = useResource(() => call(api.GET('/api/guidelines')), []);
  const accepted = me && guidelines.data && (me.guidelinesVersion ?? 0) >= guidelines.data.version;
  return (
    <section class="narrow">
      <h1>Community guidelines</h1>
      {guidelines.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {guidelines.problem.message}
        </p>
      )}
      {guidelines.data ? (
        <>
          <p class="muted">Version {guidelines.data.version}</p>
          <Markdown source={guidelines.data.markdown} />
          {accepted && (
            <p class="alert alert-success">
              You accepted this version. <Link href="/">Back to the home page</Link>
            </p>
          )}
        </>
      ) : (
        guidelines.status === 'loading' && <Loading />
      )}
    </section>
  );
}
