// Browser flow for private messages on the built app and a real server: member A writes to member B from
// B's profile (by keyboard), B (on a phone-sized screen) sees the notification arrive live, opens the
// conversation from it and replies, and A sees the reply appear without reloading.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { relaxModerationAs } from '../support/e2e-members';
import { after, before, test } from 'node:test';
import { nav, signUpInBrowser, startBrowserSession, visible, watchedPage, type BrowserSession, type RunningServer } from '../support/browser';
import type { Browser, Page } from 'playwright-core';

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;

/** Whether the page is wider than the screen (a phone would have to scroll sideways). */
async function overflowsSideways(page: Page): Promise<boolean> {
  // A string, evaluated in the page: the tests compile without the DOM's types.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  browser = session.browser;
});

after(() => session?.close());

void test('a private message, its notification, a reply and the inbox in the browser', { timeout: 150_000 }, async () => {
  assert.ok(server && browser);
  const { baseUrl, setupLink } = server;
  const errors: string[] = [];

  // The community is set up first.
  const adminContext = await browser.newContext({ baseURL: baseUrl });
  const admin = await watchedPage(adminContext, errors);
  await admin.goto(setupLink);
  await visible(admin.getByRole('heading', { name: 'Set up your community', level: 1 }));
  await admin.getByLabel('Admin username').fill('ada_admin');
  await admin.getByLabel('Email').fill('ada@example.com');
  await admin.getByLabel('Password').fill('correct horse battery staple');
  await admin.getByRole('button', { name: 'Create admin account' }).click();
  await visible(admin.getByRole('heading', { name: 'Welcome, ada_admin', level: 1 }));
  await relaxModerationAs(admin, baseUrl);
  await adminContext.close();

  // B signs up on a phone-sized screen and waits on the home page.
  const contextB = await browser.newContext({ baseURL: baseUrl, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const pageB = await watchedPage(contextB, errors);
  await signUpInBrowser(pageB, 'bastian', 'Bastian B');

  // A opens B's profile and writes to them, by keyboard from the "Message" link on.
  const contextA = await browser.newContext({ baseURL: baseUrl });
  const pageA = await watchedPage(contextA, errors);
  await signUpInBrowser(pageA, 'amara', 'Amara A');
  await pageA.goto('/u/bastian');
  await visible(pageA.getByRole('heading', { name: 'Bastian B', level: 1 }));
  await pageA.getByRole('link', { name: 'Message bastian' }).focus();
  await pageA.keyboard.press('Enter');
  await visible(pageA.getByRole('heading', { name: 'New message', level: 1 }));
  assert.equal(await pageA.getByLabel('To').inputValue(), 'bastian', 'the recipient is filled in');
  await pageA.getByLabel('Title').focus();
  await pageA.keyboard.type('Borrowing your tent');
  await pageA.keyboard.press('Tab');
  const focused = pageA.locator(':focus');
  assert.deepEqual([await focused.getAttribute('role'), await focused.textContent()], ['tab', 'Write'], 'the composer\'s tabs come next');
  await pageA.getByLabel('Message', { exact: true }).focus();
  await pageA.keyboard.type('Could I borrow your **tent** this weekend?');
  await pageA.getByRole('button', { name: 'Send message' }).focus();
  await pageA.keyboard.press('Enter');
  await visible(pageA.getByRole('heading', { name: 'Borrowing your tent', level: 1 }));
  await visible(pageA.getByTestId('message').first().locator('strong', { hasText: 'tent' }));
  await visible(pageA.getByTestId('conversation-people').filter({ hasText: 'bastian' }));
  const conversationUrl = pageA.url();
  assert.match(new URL(conversationUrl).pathname, /^\/messages\/\d+$/);

  // B's notification badge rises without a reload; the notification leads to the conversation.
  const badge = await visible(pageB.getByTestId('notification-count'));
  assert.match((await badge.textContent()) ?? '', /1/);
  await nav(pageB).getByTestId('notifications-link').click();
  await visible(pageB.getByRole('heading', { name: 'Notifications', level: 1 }));
  const notification = await visible(pageB.getByRole('link', { name: /^Unread: amara sent you a message in “Borrowing your tent”/ }));
  // The link wraps over two lines on a phone; following it by keyboard avoids tapping between them.
  await notification.focus();
  await pageB.keyboard.press('Enter');
  await visible(pageB.getByRole('heading', { name: 'Borrowing your tent', level: 1 }));
  await visible(pageB.getByTestId('message').filter({ hasText: 'this weekend' }));
  await pageB.getByTestId('notification-count').waitFor({ state: 'detached' });
  assert.equal(await overflowsSideways(pageB), false, 'the conversation fits a phone screen');

  // B replies; A sees it appear live, announced politely.
  await pageB.getByLabel('Your reply').fill('Of course, it is in the garage.');
  await pageB.getByRole('button', { name: 'Send reply' }).click();
  await visible(pageB.getByTestId('message').filter({ hasText: 'in the garage' }));
  await visible(pageA.getByTestId('message').filter({ hasText: 'in the garage' }));
  await visible(pageA.getByTestId('new-messages').filter({ hasText: 'New message from bastian' }));
  assert.equal(pageA.url(), conversationUrl, 'A did not navigate');

  // Both inboxes list the conversation; B's fits the phone screen.
  await nav(pageA).getByRole('link', { name: 'Messages', exact: true }).click();
  await visible(pageA.getByRole('heading', { name: 'Messages', level: 1 }));
  await visible(pageA.getByTestId('conversation-row').filter({ hasText: 'Borrowing your tent' }));
  await pageB.goto('/messages');
  const rowB = await visible(pageB.getByTestId('conversation-row').filter({ hasText: 'Borrowing your tent' }));
  assert.match((await rowB.textContent()) ?? '', /With amara/);
  assert.equal(await rowB.getByTestId('conversation-unread').count(), 0, 'B read everything');
  assert.equal(await overflowsSideways(pageB), false, 'the inbox fits a phone screen');

  // Someone else cannot open it.
  const contextC = await browser.newContext({ baseURL: baseUrl });
  const pageC = await watchedPage(contextC, errors);
  await signUpInBrowser(pageC, 'cosmo', 'Cosmo C');
  await pageC.goto(new URL(conversationUrl).pathname);
  await visible(pageC.getByRole('heading', { name: 'Conversation not found', level: 1 }));

  await contextA.close();
  await contextB.close();
  await contextC.close();
  assert.deepEqual(errors, [], 'no script errors in the pages');
});
