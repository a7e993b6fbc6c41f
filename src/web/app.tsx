// The app shell: state providers, the frame, and the table of client paths.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Layout } from './components/layout';
import { AdminPage } from './features/admin/admin.page';
import { ApiKeysPage } from './features/api-keys/api-keys.page';
import { ConfirmEmailPage } from './features/auth/confirm-email.page';
import { ForgotPasswordPage } from './features/auth/forgot-password.page';
import { LoginPage } from './features/auth/login.page';
import { ResetPasswordPage } from './features/auth/reset-password.page';
import { SetupPage } from './features/auth/setup.page';
import { SignupPage } from './features/auth/signup.page';
import { UnsubscribePage } from './features/digests/unsubscribe.page';
import { BookmarksPage } from './features/bookmarks/bookmarks.page';
import { NewTopicPage } from './features/discussions/new-topic.page';
import { SpacePage } from './features/discussions/space.page';
import { TagPage, TagsPage } from './features/discussions/tag.page';
import { TopicPage } from './features/discussions/topic.page';
import { HomePage } from './features/home/home.page';
import { ConversationPage } from './features/messages/conversation.page';
import { InboxPage } from './features/messages/inbox.page';
import { MemberModerationPage } from './features/moderation/member.page';
import { MyModerationPage } from './features/moderation/mine.page';
import { ModerationPage } from './features/moderation/moderation.page';
import { NewMessagePage } from './features/messages/new-message.page';
import { NotificationsPage } from './features/notifications/notifications.page';
import { SearchPage } from './features/search/search.page';
import { NotFoundPage } from './features/not-found.page';
import { ProfilePage } from './features/profile/profile.page';
import { PublishingPage } from './features/programs/articles/publishing.page';
import { PublicProfilePage } from './features/profile/public-profile.page';
import { RoadmapPage } from './features/programs/ideas/roadmap.page';
import { ReportBugPage } from './features/programs/bugs/report-bug.page';
import { BadgesPage } from './features/programs/badges/badges.page';
import { EditEventPage, NewEventPage } from './features/programs/events/event-form.page';
import { EventPage } from './features/programs/events/event.page';
import { LeaderboardPage } from './features/programs/badges/leaderboard.page';
import { matchPath, useLocation } from './lib/router';
import { GuidelinesPage } from './features/programs/onboarding/guidelines.page';
import { NewcomersPage } from './features/programs/onboarding/newcomers.page';
import { InvitesPage } from './features/programs/invites/invites.page';
import { UnreadProvider } from './lib/notifications';
import { RealtimeProvider } from './lib/realtime';
import { SessionProvider } from './lib/session';
import { SiteProvider } from './lib/site';

interface Route {
  pattern: string;
  render: (params: Record<string, string>) => ComponentChildren;
}

const routes: Route[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/signup', render: () => <SignupPage /> },
  { pattern: '/login', render: () => <LoginPage /> },
  { pattern: '/forgot-password', render: () => <ForgotPasswordPage /> },
  { pattern: '/reset-password', render: () => <ResetPasswordPage /> },
  { pattern: '/confirm-email', render: () => <ConfirmEmailPage /> },
  { pattern: '/unsubscribe', render: () => <UnsubscribePage /> },
  { pattern: '/setup', render: () => <SetupPage /> },
  { pattern: '/profile', render: () => <ProfilePage /> },
  { pattern: '/u/:username', render: ({ username = '' }) => <PublicProfilePage key={username} username={username} /> },
  { pattern: '/settings/api-keys', render: () => <ApiKeysPage /> },
  { pattern: '/admin', render: () => <AdminPage /> },
  { pattern: '/s/:slug/:id', render: ({ id = '' }) => <SpacePage key={id} id={Number(id)} /> },
  { pattern: '/events/new', render: () => <NewEventPage /> },
  { pattern: '/events/:id/edit', render: ({ id = '' }) => <EditEventPage key={id} id={Number(id)} /> },
  { pattern: '/events/:id', render: ({ id = '' }) => <EventPage key={id} id={Number(id)} /> },
  { pattern: '/s/:slug/:id/roadmap', render: ({ id = '' }) => <RoadmapPage key={id} id={Number(id)} /> },
  { pattern: '/s/:id', render: ({ id = '' }) => <SpacePage key={id} id={Number(id)} /> },
  { pattern: '/t/:slug/:id', render: ({ id = '' }) => <TopicPage key={id} id={Number(id)} /> },
  { pattern: '/t/:id', render: ({ id = '' }) => <TopicPage key={id} id={Number(id)} /> },
  { pattern: '/new-topic', render: () => <NewTopicPage /> },
  { pattern: '/report-bug', render: () => <ReportBugPage /> },
  { pattern: '/notifications', render: () => <NotificationsPage /> },
  { pattern: '/messages', render: () => <InboxPage /> },
  { pattern: '/messages/new', render: () => <NewMessagePage /> },
  { pattern: '/messages/:id', render: ({ id = '' }) => <ConversationPage key={id} id={Number(id)} /> },
  { pattern: '/search', render: () => <SearchPage /> },
  { pattern: '/badges', render: () => <BadgesPage /> },
  { pattern: '/leaderboard', render: () => <LeaderboardPage /> },
  { pattern: '/guidelines', render: () => <GuidelinesPage /> },
  { pattern: '/newcomers', render: () => <NewcomersPage /> },
  { pattern: '/invites', render: () => <InvitesPage /> },
  { pattern: '/bookmarks', render: () => <BookmarksPage /> },
  { pattern: '/tags', render: () => <TagsPage /> },
  { pattern: '/tags/:tag', render: ({ tag = '' }) => <TagPage key={tag} tag={tag} /> },
  { pattern: '/moderation', render: () => <ModerationPage /> },
  { pattern: '/moderation/mine', render: () => <MyModerationPage /> },
  { pattern: '/moderation/members/:id', render: ({ id = '' }) => <MemberModerationPage key={id} id={Number(id)} /> },
  { pattern: '/moderation/:tab', render: ({ tab = '' }) => <ModerationPage tab={tab} /> },
  { pattern: '/scheduled', render: () => <PublishingPage tab="scheduled" /> },
  { pattern: '/announcements', render: () => <PublishingPage tab="announcements" /> },
];

const numericIdRoutes = new Set(['/s/:slug/:id', '/s/:id', '/t/:slug/:id', '/t/:id', '/messages/:id', '/moderation/members/:id', '/events/:id', '/events/:id/edit']);

function CurrentPage() {
  const { path } = useLocation();
  const isFirstRender = useRef(true);
  // After client-side navigation, move focus to the new content so screen readers start there.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params && numericIdRoutes.has(route.pattern) && !/^[1-9]\d*$/.test(params.id ?? '')) continue;
    if (params) return <>{route.render(params)}</>;
  }
  return <NotFoundPage />;
}

export function App() {
  return (
    <SiteProvider>
      <SessionProvider>
        <RealtimeProvider>
          <UnreadProvider>
            <Layout>
              <CurrentPage />
            </Layout>
          </UnreadProvider>
        </RealtimeProvider>
      </SessionProvider>
    </SiteProvider>
  );
}
