// The page frame: skip link, header with navigation, the main region and a short footer.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiProblem } from '../api/result';
import { useUnread } from '../lib/notifications';
import { navigate, useLocation } from '../lib/router';
import { isStaff, useSession } from '../lib/session';
import { useSite } from '../lib/site';
import { Link } from './link';
import { GuidelinesPrompt } from '../features/auth/guidelines-prompt';
import { ModerationNavLink } from '../features/moderation/nav-link';
import { OnboardingNavLinks } from '../features/programs/onboarding/nav-links';
import { AnnouncementBanner } from '../features/programs/articles/announcement-banner';

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = useLocation();
  const isCurrent = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} class="nav-link" aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function NotificationsLink() {
  const { unreadCount } = useUnread();
  const { path } = useLocation();
  return (
    <Link href="/notifications" class="nav-link" aria-current={path === '/notifications' ? 'page' : undefined} data-testid="notifications-link">
      Notifications
      {unreadCount > 0 && (
        <span class="badge badge-count" data-testid="notification-count">
          <span class="visually-hidden"> (</span>
          {unreadCount}
          <span class="visually-hidden"> unread)</span>
        </span>
      )}
    </Link>
  );
}

function AccountNav() {
  const session = useSession();
  const { site } = useSite();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [isPending, setPending] = useState(false);
  const me = session.me;
  if (session.isLoading) return null;
  if (!me) {
    return (
      <>
        <NavLink href="/login">Log in</NavLink>
        {site?.allowSignups !== false && <NavLink href="/signup">Sign up</NavLink>}
      </>
    );
  }
  const logOut = async () => {
    setPending(true);
    const failure = await session.signOut();
    setPending(false);
    setProblem(failure);
    if (!failure) navigate('/');
  };
  return (
    <>
      <NotificationsLink />
      <NavLink href="/messages">Messages</NavLink>
      <NavLink href="/profile">Profile</NavLink>
      <NavLink href="/bookmarks">Bookmarks</NavLink>
      <NavLink href="/settings/api-keys">API keys</NavLink>
      <OnboardingNavLinks />
      {isStaff(me) && <ModerationNavLink />}
      {isStaff(me) && <NavLink href="/scheduled">Publishing</NavLink>}
      {isStaff(me) && <NavLink href="/admin">Admin</NavLink>}
      <span class="nav-user">
        Signed in as{' '}
        <Link href={`/u/${encodeURIComponent(me.username)}`} class="nav-username" data-testid="current-username">
          {me.username}
        </Link>
      </span>
      <button type="button" class="button button-link" onClick={() => void logOut()} disabled={isPending}>
        Log out
      </button>
      {problem && (
        <span class="nav-error" role="alert">
          {problem.message}
        </span>
      )}
    </>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { site } = useSite();
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="container header-inner">
          <Link href="/" class="site-name">
            {site?.name ?? 'Hearth'}
          </Link>
          <nav aria-label="Main" class="site-nav">
            <NavLink href="/">Home</NavLink>
            <NavLink href="/search">Search</NavLink>
            <NavLink href="/leaderboard">Leaderboard</NavLink>
            <AccountNav />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="container">
        <GuidelinesPrompt />
        <AnnouncementBanner />
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          Powered by Hearth{site ? ` ${site.version}` : ''} · <a href="/api/docs">API docs</a>
        </div>
      </footer>
    </>
  );
}
