// The front page: topics across the spaces the viewer can see (Latest, Top over a period, and Unread and
// New for members, as tabs kept in the URL: /?feed=top&period=month), and the list of spaces.
import { Link } from '../../components/link';
import { Loading } from '../../components/guards';
import { Tabs } from '../../components/tabs';
import { navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useSite, useTitle } from '../../lib/site';
import { SpaceList } from '../discussions/topic-list';
import { useSpaces } from '../discussions/use-spaces';
import { LatestFeed, NewFeed, TopFeed, UnreadFeed, isPeriod, type Period } from './home-feeds';
import { StartHereCard } from '../programs/onboarding/start-here-card';

type Feed = 'latest' | 'top' | 'unread' | 'new';
const headings: Record<Feed, string> = { latest: 'Latest topics', top: 'Top topics', unread: 'Unread topics', new: 'New topics' };

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
  const { query } = useLocation();
  if (!site || isLoading) return <Loading />;
  const asked = query.get('feed');
  const feed: Feed = asked === 'top' || ((asked === 'unread' || asked === 'new') && me) ? asked : 'latest';
  const askedPeriod = query.get('period');
  const period: Period = isPeriod(askedPeriod) ? askedPeriod : 'week';
  const tabs = [
    { id: 'feed-latest', label: 'Latest' },
    { id: 'feed-top', label: 'Top' },
    ...(me
      ? [
          { id: 'feed-unread', label: 'Unread' },
          { id: 'feed-new', label: 'New' },
        ]
      : []),
  ];
  const select = (id: string) => {
    const next = id.slice('feed-'.length);
    navigate(next === 'latest' ? '/' : next === 'top' ? `/?feed=top&period=${period}` : `/?feed=${next}`, { replace: true, keepScroll: true });
  };
  const spaceItems = spaces.data?.items ?? [];
  const canPostSomewhere = Boolean(me && spaces.data?.items.some((space) => space.canPost));
  return (
    <section class="home">
      <h1>{me ? `Welcome, ${me.displayName || me.username}` : `Welcome to ${site.name}`}</h1>
      <p class="lead">{site.description}</p>
      <StartHereCard />
      {!me && <SignedOutWelcome allowSignups={site.allowSignups} needsSetup={site.needsSetup} />}
      <div class="with-sidebar">
        <div class="main-column">
          <div class="page-head">
            <h2>{headings[feed]}</h2>
            {canPostSomewhere && (
              <Link href="/new-topic" class="button button-primary">
                New topic
              </Link>
            )}
          </div>
          <Tabs label="Topic feeds" tabs={tabs} selected={`feed-${feed}`} onSelect={select}>
            {feed === 'latest' && <LatestFeed spaces={spaceItems} />}
            {feed === 'top' && <TopFeed key={period} spaces={spaceItems} period={period} />}
            {feed === 'unread' && <UnreadFeed spaces={spaceItems} />}
            {feed === 'new' && <NewFeed spaces={spaceItems} />}
          </Tabs>
        </div>
        <aside class="side-column" aria-labelledby="spaces-heading">
          <h2 id="spaces-heading">Spaces</h2>
          {spaces.data ? spaces.data.items.length ? <SpaceList spaces={spaces.data.items} /> : <p class="muted">No spaces yet.</p> : <Loading label="Loading spaces…" />}
        </aside>
      </div>
    </section>
  );
}
