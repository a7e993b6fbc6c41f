// Browser flow for discussions on the built app and a real server: an admin opens a space, member A starts a
// topic, member B replies from another browser, A sees the reply and the notification arrive live, then finds it by search.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { relaxModerationAs } from '../support/e2e-members';
import { after, before, test } from 'node:test';
import { nav, signUpInBrowser, startBrowserSession, visible, watchedPage, type BrowserSession, type RunningServer } from '../support/browser';
import type { Browser } from 'playwright-core';

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  browser = session.browser;
});

after(() => session?.close());

void test('a topic, a live reply, its notification and search in the browser', { timeout: 150_000 }, async () => {
  assert.ok(server && browser);
  const { baseUrl, setupLink } = server;
  const errors: string[] = [];

  // The admin sets up the community and opens a public space through the API.
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
  const created = await admin.evaluate(async () => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/spaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ name: 'Campfire', slug: 'campfire', visibility: 'public', color: '#2a7ab0', description: 'Talk about anything.' }),
    });
    return { status: response.status, body: (await response.json()) as { id: number } };
  });
  assert.equal(created.status, 201, `space created: ${JSON.stringify(created.body)}`);
  await adminContext.close();

  // Member A signs up, opens the space from the home page and starts a topic.
  const contextA = await browser.newContext({ baseURL: baseUrl });
  const pageA = await watchedPage(contextA, errors);
  await signUpInBrowser(pageA, 'alice', 'Alice A');
  await pageA.getByRole('complementary').getByRole('link', { name: 'Campfire' }).click();
  await visible(pageA.getByRole('heading', { name: 'Campfire', level: 1 }));
  await pageA.getByRole('link', { name: 'New topic' }).click();
  await visible(pageA.getByRole('heading', { name: 'New topic', level: 1 }));
  assert.equal(await pageA.getByLabel('Space').inputValue(), String(created.body.id));
  await pageA.getByLabel('Title').fill('Favourite trail snacks');
  await pageA.getByLabel('Body').fill('What do you bring on **long** hikes?');
  await pageA.getByRole('tab', { name: 'Preview' }).click();
  await visible(pageA.locator('.preview strong', { hasText: 'long' }));
  await pageA.getByRole('tab', { name: 'Write' }).click();
  assert.equal(await pageA.getByLabel('Body').inputValue(), 'What do you bring on **long** hikes?', 'the text survives the preview');
  await pageA.getByLabel('Tags').fill('hiking, food');
  await pageA.getByRole('button', { name: 'Create topic' }).click();
  await visible(pageA.getByRole('heading', { name: 'Favourite trail snacks', level: 1 }));
  await visible(pageA.getByTestId('post').first().locator('strong', { hasText: 'long' }));
  const topicUrl = pageA.url();
  assert.match(new URL(topicUrl).pathname, /^\/t\/[^/]+\/\d+$/);
  // Her first topic earns the "First post" badge (programs/badges): its notice is her only notification
  // so far. She marks it read, so that the badge below counts the replies alone.
  const firstBadge = await visible(pageA.getByTestId('notification-count'));
  assert.match((await firstBadge.textContent()) ?? '', /1/);
  const read = await pageA.evaluate(async () => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: '{}' });
    return response.status;
  });
  assert.equal(read, 200);
  await pageA.reload();
  await visible(pageA.getByRole('heading', { name: 'Favourite trail snacks', level: 1 }));
  assert.equal(await pageA.getByTestId('notification-count').count(), 0, 'nothing unread');

  // Member B, in another browser, finds the topic on the home page and replies.
  const contextB = await browser.newContext({ baseURL: baseUrl });
  const pageB = await watchedPage(contextB, errors);
  await signUpInBrowser(pageB, 'bruno', 'Bruno B');
  const row = await visible(pageB.getByTestId('topic-row').filter({ hasText: 'Favourite trail snacks' }));
  assert.match((await row.textContent()) ?? '', /Campfire/);
  await row.getByRole('link', { name: /Favourite trail snacks/ }).click();
  await visible(pageB.getByRole('heading', { name: 'Favourite trail snacks', level: 1 }));
  await pageB.getByLabel('Your reply').fill('Dried mangoes and a thermos of zephyrine tea.');
  await pageB.getByRole('button', { name: 'Post reply' }).click();
  await visible(pageB.getByTestId('post').filter({ hasText: 'zephyrine' }));

  // A sees the reply appear without reloading, announced politely. Seeing it marks it read.
  await visible(pageA.getByTestId('post').filter({ hasText: 'zephyrine' }));
  await visible(pageA.getByTestId('new-replies').filter({ hasText: '1 new reply' }));
  assert.equal(pageA.url(), topicUrl, 'A did not navigate');

  // While A is elsewhere, B replies again: A's notification badge rises without a reload.
  await nav(pageA).getByRole('link', { name: 'Home', exact: true }).click();
  await visible(pageA.getByRole('heading', { name: 'Latest topics' }));
  await pageB.getByLabel('Your reply').fill('Also: oat bars.');
  await pageB.getByRole('button', { name: 'Post reply' }).click();
  await visible(pageB.getByTestId('post').filter({ hasText: 'oat bars' }));
  const badge = await visible(pageA.getByTestId('notification-count'));
  assert.match((await badge.textContent()) ?? '', /1/);

  // The notifications page links to the new reply; marking all read clears the badge.
  await nav(pageA).getByTestId('notifications-link').click();
  await visible(pageA.getByRole('heading', { name: 'Notifications', level: 1 }));
  const unreadLink = await visible(pageA.getByRole('link', { name: /^Unread: bruno replied in “Favourite trail snacks”/ }));
  assert.match((await unreadLink.getAttribute('href')) ?? '', /#post-3$/);
  await pageA.getByRole('button', { name: 'Mark all read' }).click();
  await pageA.getByTestId('notification-count').waitFor({ state: 'detached' });
  await pageA.goto(topicUrl);
  await visible(pageA.getByTestId('post').filter({ hasText: 'oat bars' }));

  // A reacts to the reply; the count shows on the button.
  const reply = pageA.getByTestId('post').filter({ hasText: 'zephyrine' });
  await reply.getByRole('button', { name: /^👍 0 reactions$/ }).click();
  await visible(reply.getByRole('button', { name: /^👍 1 reaction$/, pressed: true }));

  // A searches for a word from B's reply and finds it, highlighted.
  await nav(pageA).getByRole('link', { name: 'Search', exact: true }).click();
  await visible(pageA.getByRole('heading', { name: 'Search', level: 1 }));
  const deadline = Date.now() + 15_000;
  let hit = pageA.getByTestId('search-hit').filter({ hasText: 'zephyrine' });
  for (;;) {
    await pageA.getByLabel('Search for').fill('zephyrine');
    await pageA.getByRole('button', { name: 'Search', exact: true }).click();
    await visible(pageA.getByRole('status').filter({ hasText: /results?\.?$|No results/ }));
    if ((await hit.count()) > 0 || Date.now() > deadline) break;
    await pageA.waitForTimeout(500);
    await pageA.goto('/search');
    hit = pageA.getByTestId('search-hit').filter({ hasText: 'zephyrine' });
  }
  await visible(hit.first().locator('mark', { hasText: /zephyrine/i }));
  await hit.first().getByRole('link', { name: 'Favourite trail snacks' }).click();
  await visible(pageA.getByRole('heading', { name: 'Favourite trail snacks', level: 1 }));

  await contextA.close();
  await contextB.close();
  assert.deepEqual(errors, [], 'no script errors in the pages');
});
