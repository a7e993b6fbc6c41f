// The front page: what this community is, and where to go next.
import { Link } from '../../components/link';
import { Loading } from '../../components/guards';
import { isStaff, useSession } from '../../lib/session';
import { useSite, useTitle } from '../../lib/site';

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
  if (!site || isLoading) return <Loading />;
  return (
    <section class="home">
      <h1>{me ? `Welcome, ${me.displayName || me.username}` : `Welcome to ${site.name}`}</h1>
      <p class="lead">{site.description}</p>
      {!me && <SignedOutWelcome allowSignups={site.allowSignups} needsSetup={site.needsSetup} />}
      {me && (
        <div class="cards">
          <article class="card">
            <h2>Discussions</h2>
            <p>Spaces and topics are on their way. Soon you'll start conversations and follow the ones you care about here.</p>
          </article>
          <article class="card">
            <h2>Your profile</h2>
            <p>Tell the community who you are: a display name, a short bio and a picture.</p>
            <p>
              <Link href="/profile">Edit your profile</Link>
            </p>
          </article>
          {isStaff(me) && (
            <article class="card">
              <h2>Administration</h2>
              <p>Manage members, groups and site settings.</p>
              <p>
                <Link href="/admin">Open the admin area</Link>
              </p>
            </article>
          )}
        </div>
      )}
    </section>
  );
}
