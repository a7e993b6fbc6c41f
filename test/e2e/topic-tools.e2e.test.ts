// Browser flow for the topic tools on the built app and a real server: a member bookmarks a reply with the
// keyboard and finds it on /bookmarks (a note and a quick reminder time), follows a tag chip to the tag's page, and staff split a reply off
// into a new topic; all on a phone-sized screen too.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { relaxModerationAs } from '../support/e2e-members';
import { after, before, test } from 'node:test';
import { nav, startBrowserSession, visible, type BrowserSession } from '../support/browser';
import type { Page } from 'playwright-core';

let session: BrowserSession | undefined;

before(async () => {
  session = await startBrowserSession();
});

after(() => session?.close());

/** Calls the API from the page with the session's CSRF token. */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as T };
    },
    { path, body },
  );
}

void test('bookmark a reply, follow a tag, split a reply off into a new topic', { timeout: 150_000 }, async () => {
  assert.ok(session);
  const { baseUrl, setupLink } = session.server;
  const errors: string[] = [];
  const context = await session.browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => errors.push(error.message));

  // The admin sets up the community; a space and a topic with replies come through the API.
  await page.goto(setupLink);
  await page.getByLabel('Admin username').fill('ada_admin');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await visible(page.getByRole('heading', { name: 'Welcome, ada_admin', level: 1 }));
  await relaxModerationAs(page, baseUrl);
  const space = await apiPost<{ id: number }>(page, '/api/spaces', { name: 'Workshop', slug: 'workshop', visibility: 'public' });
  assert.equal(space.status, 201);
  const topic = await apiPost<{ id: number; slug: string }>(page, '/api/topics', { spaceId: space.body.id, title: 'Bench vices compared', body: 'Which vice do you use?', tags: ['gear'] });
  assert.equal(topic.status, 201);
  for (const body of ['A quick-release one.', 'Off topic: what glue for oak?', 'Leg vices are underrated.']) {
    assert.equal((await apiPost(page, `/api/topics/${topic.body.id}/posts`, { body })).status, 201);
  }
  const topicUrl = `/t/${topic.body.slug}/${topic.body.id}`;

  // Bookmark the second post with the keyboard.
  await page.goto(topicUrl);
  await visible(page.getByRole('heading', { name: 'Bench vices compared', level: 1 }));
  const second = page.getByTestId('post').filter({ hasText: 'A quick-release one.' });
  const bookmark = second.getByRole('button', { name: 'Bookmark post 2' });
  assert.equal(await bookmark.getAttribute('aria-pressed'), 'false');
  await bookmark.focus();
  await page.keyboard.press('Enter');
  await visible(second.getByRole('button', { name: 'Bookmark post 2', pressed: true }));
  const fits = await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
  assert.ok(fits, 'the topic page fits a phone-sized screen');

  // The tag chip leads to the tag's topics.
  await page.getByRole('link', { name: 'gear (tag)' }).first().click();
  await visible(page.getByRole('heading', { name: /Topics tagged #gear/, level: 1 }));
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Bench vices compared' }));

  // The bookmarks page, from the main navigation, lists it and links back to the post.
  await nav(page).getByRole('link', { name: 'Bookmarks' }).click();
  await visible(page.getByRole('heading', { name: 'Bookmarks', level: 1 }));
  const item = await visible(page.getByTestId('bookmark').filter({ hasText: 'A quick-release one.' }));

  // A note and a quick reminder time: tomorrow at 08:00 in the browser's zone.
  await item.getByRole('button', { name: 'Edit note for Bench vices compared' }).click();
  await item.getByLabel('Note').fill('Check the price');
  const tomorrow = item.getByRole('button', { name: 'Tomorrow morning' });
  await tomorrow.click();
  await visible(item.getByRole('button', { name: 'Tomorrow morning', pressed: true }));
  const expected = await page.evaluate<string>('(() => { const d = new Date(); return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 8).toISOString(); })()');
  await item.getByRole('button', { name: 'Save' }).click();
  await visible(item.getByText('Note: Check the price'));
  await visible(item.getByText(/Remind me /));
  const saved = await page.evaluate<{ remindAt: string | null; note: string }[]>("fetch('/api/bookmarks').then((r) => r.json()).then((b) => b.items)");
  assert.deepEqual(
    saved.map((b) => [b.note, b.remindAt]),
    [['Check the price', expected]],
    'the reminder is stored for tomorrow morning',
  );
  await item.getByRole('link', { name: 'Bench vices compared' }).click();
  await visible(page.getByRole('heading', { name: 'Bench vices compared', level: 1 }));

  // Staff split the off-topic reply into a topic of its own.
  await page.getByRole('button', { name: 'Split…' }).click();
  await visible(page.getByRole('heading', { name: 'Split into a new topic' }));
  await page.getByLabel(/^#3 by ada_admin: Off topic/).check();
  await page.getByLabel('New topic title').fill('Glue for oak');
  await page.getByRole('button', { name: 'Move 1 reply to a new topic' }).click();
  await visible(page.getByRole('heading', { name: 'Glue for oak', level: 1 }));
  assert.equal(await page.getByTestId('post').count(), 1);
  await visible(page.getByTestId('post').filter({ hasText: 'what glue for oak?' }));

  // The first topic keeps the rest, numbered again.
  await page.goto(topicUrl);
  await visible(page.getByRole('heading', { name: 'Bench vices compared', level: 1 }));
  await visible(page.getByTestId('post').filter({ hasText: 'Leg vices are underrated.' }));
  assert.equal(await page.getByTestId('post').count(), 3);
  assert.equal(await page.locator('#post-3').filter({ hasText: 'Leg vices are underrated.' }).count(), 1);

  await context.close();
  assert.deepEqual(errors, [], 'no script errors in the pages');
});
