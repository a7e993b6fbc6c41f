// The front page: the latest topics across the spaces the viewer can see, and the list of spaces.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Link } from '../../components/link';
import { Loading } from '../../components/guards';
import { ListFooter } from '../../components/list-footer';
import { useSession } from '../../lib/session';
import { useSite, useTitle } from '../../lib/site';
import { usePagedList } from '../../lib/use-paged-list';
import { SpaceList, TopicList } from '../discussions/topic-list';
import { useSpaces } from '../discussions/use-spaces';

function SignedOutWelcome({ allowSignups, needsSetup }: { allowSignups: boolean; needsSetup: boolean }) {
  if (needsSetup) {
    return (
      <div class="callout">
        <h2>Almost ready</h2>
        <p>This community has no admin yet. Open the one-time setup link printed in the server's log to create the first admin account.</p>
      </div>
    );
  }
  return (
    <div class="callout">
      <h2>Join the conversation</h2>
      <p>{allowSignups ? 'Create an account to take part, or log in if you already have one.' : 'New sign-ups are closed right now. Members can log in.'}</p>
      <p class="actions">
        {allowSignups && (
          <Link href="/signup" class="button button-primary">
            Sign up
          </Link>
        )}
        <Link href="/login" class={`button ${allowSignups ? 'button-secondary' : 'button-primary'}`}>
          Log in
        </Link>
      </p>
    </div>
  );
}

export function HomePage() {
  const { site } = useSite();
  const { me, isLoading } = useSession();
  useTitle('');
  const spaces = useSpaces();
  const feed = usePagedList((cursor) => call(api.GET('/api/topics', { params: { query: cursor ? { feed: 'latest', cursor } : { feed: 'latest' } } })), String(me?.id ?? ''));
  if (!site || isLoading) return <Loading />;
  const canPostSomewhere = Boolean(me && spaces.data?.items.some((space) => space.canPost));
  return (
    <section class="home">
      <h1>{me ? `Welcome, ${me.displayName || me.username}` : `Welcome to ${site.name}`}</h1>
      <p class="lead">{site.description}</p>
      {!me && <SignedOutWelcome allowSignups={site.allowSignups} needsSetup={site.needsSetup} />}
      <div class="with-sidebar">
        <div class="main-column">
          <div class="page-head">
            <h2>Latest topics</h2>
            {canPostSomewhere && (
              <Link href="/new-topic" class="button button-primary">
                New topic
              </Link>
            )}
          </div>
          {feed.problem && <p class="alert alert-error">{feed.problem.message}</p>}
          {!feed.isLoading || feed.items.length ? <TopicList topics={feed.items} spaces={spaces.data?.items ?? []} label="Latest topics" /> : null}
          <ListFooter list={feed} noun="topics" moreLabel="Load more" />
        </div>
        <aside class="side-column" aria-labelledby="spaces-heading">
          <h2 id="spaces-heading">Spaces</h2>
          {spaces.data ? spaces.data.items.length ? <SpaceList spaces={spaces.data.items} /> : <p class="muted">No spaces yet.</p> : <Loading label="Loading spaces…" />}
        </aside>
      </div>
    </section>
  );
}
