// Browser check that a private space stays private: a plain member (on a phone-sized screen, by keyboard
// alone) finds no trace of it on the home page, at its URLs, in search or in the live new-topics count,
// while the admin sees it all; the server-rendered /s/ and /t/ pages answer 404.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { nav, startBrowserSession, visible, watchedPage, type BrowserSession, type RunningServer } from '../support/browser';
import type { PageGlobals } from '../support/page-globals';
import { E2E_PASSWORD, createSpace, createTopic, setUpAdmin, signInContext, signUpMember, tabTo, type ApiMember } from '../support/e2e-members';

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  browser = session.browser;
});
after(() => session?.close());

/** Runs a search from the search page by keyboard and returns the status line once results are in. */
async function searchFor(page: Page, words: string): Promise<string> {
  await page.goto('/search');
  await visible(page.getByRole('heading', { name: 'Search', level: 1 }));
  await tabTo(page, page.getByLabel('Search for'));
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  const status = await visible(page.getByRole('status').filter({ hasText: /results?\.?$|No results/ }));
  return (await status.textContent()) ?? '';
}

void test('a member cannot see a private space or its topics; the admin can', { timeout: 150_000 }, async () => {
  assert.ok(server && browser);
  const { baseUrl } = server;
  const errors: string[] = [];
  const secret = 'xylophonic';

  const admin = await setUpAdmin(server);
  const vault = await createSpace(admin, 'Vault', 'vault', 'private');
  const commons = await createSpace(admin, 'Commons', 'commons', 'public');
  const hidden = await createTopic(admin, vault.id, `The ${secret} plan`, `Only staff should read about the ${secret} plan.`);
  await createTopic(admin, commons.id, 'Hello everyone', 'A public welcome.');
  const member: ApiMember = await signUpMember(server, 'milo', 'Milo Member');
  const hiddenPaths = { space: `/s/${vault.slug}/${vault.id}`, topic: `/t/${hidden.slug}/${hidden.id}` };

  // The server-rendered pages answer 404 to guests and members alike, without the secret.
  for (const path of Object.values(hiddenPaths)) {
    for (const client of [null, member.client]) {
      const headers: Record<string, string> = { accept: 'text/html' };
      if (client) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const reply = await fetch(baseUrl + path, { headers });
      const html = await reply.text();
      assert.equal(reply.status, 404, `${path} as ${client ? 'member' : 'guest'}`);
      assert.ok(!html.includes(secret) && !html.includes('Vault'), `${path} leaks nothing`);
    }
  }
  assert.equal((await member.client.get(`/api/topics/${hidden.id}`)).status, 404);
  assert.equal((await member.client.get(`/api/spaces/${vault.id}/topics`)).status, 404);

  // The member logs in on a phone-sized screen, by keyboard only.
  const memberContext = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await watchedPage(memberContext, errors);
  await page.goto('/login');
  await visible(page.getByRole('heading', { name: 'Log in', level: 1 }));
  await tabTo(page, page.getByLabel('Username or email'));
  await page.keyboard.type(member.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(E2E_PASSWORD);
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { name: 'Welcome, Milo Member', level: 1 }));
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `no sideways scrolling on a phone (page is ${scrollWidth}px wide)`);

  // Home: the public topic and space, nothing of the private ones.
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Hello everyone' }));
  assert.equal(await page.getByTestId('topic-row').filter({ hasText: secret }).count(), 0);
  await visible(page.getByRole('complementary').getByRole('link', { name: 'Commons' }));
  assert.equal(await page.getByRole('complementary').getByRole('link', { name: 'Vault' }).count(), 0);

  // Live: a new private topic is not announced to the member; a new public one is. "Show" by keyboard.
  await createTopic(admin, vault.id, `Another ${secret} memo`, 'Still private.');
  await createTopic(admin, commons.id, 'Picnic on Saturday', 'Bring snacks.');
  const banner = await visible(page.getByTestId('new-topics').filter({ hasText: '1 new topic' }));
  await page.waitForTimeout(500);
  assert.equal((await banner.textContent())?.includes('1 new topic —'), true, `only the public topic counts: ${await banner.textContent()}`);
  await tabTo(page, banner.getByRole('button', { name: 'Show' }));
  await page.keyboard.press('Enter');
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Picnic on Saturday' }));
  assert.equal(await page.getByTestId('topic-row').filter({ hasText: secret }).count(), 0);
  assert.equal((await page.getByTestId('new-topics').textContent())?.trim(), '', 'the banner is gone after showing');

  // The Top and Unread tabs leak nothing either.
  await page.getByRole('tab', { name: 'Latest' }).focus();
  await page.keyboard.press('ArrowRight');
  await visible(page.getByRole('heading', { name: 'Top topics', level: 2 }));
  await page.keyboard.press('ArrowRight');
  await visible(page.getByRole('heading', { name: 'Unread topics', level: 2 }));
  await page.waitForTimeout(300);
  assert.ok(!((await page.locator('main').textContent()) ?? '').includes(secret));

  // The space and topic URLs show "not found" in the app, and the document itself was a 404.
  const spaceResponse = await page.goto(hiddenPaths.space);
  assert.equal(spaceResponse?.status(), 404);
  await visible(page.getByRole('heading', { name: 'Space not found', level: 1 }));
  const topicResponse = await page.goto(hiddenPaths.topic);
  assert.equal(topicResponse?.status(), 404);
  await visible(page.getByRole('heading', { name: 'Topic not found', level: 1 }));
  assert.ok(!((await page.locator('main').textContent()) ?? '').includes(secret));

  // Search finds nothing.
  assert.match(await searchFor(page, secret), /No results/);
  assert.equal(await page.getByTestId('search-hit').count(), 0);

  // The admin sees the space, the topic and the search hit.
  const adminContext = await browser.newContext({ baseURL: baseUrl });
  await signInContext(adminContext, admin, baseUrl);
  const adminPage = await watchedPage(adminContext, errors);
  await adminPage.goto('/');
  await visible(adminPage.getByTestId('topic-row').filter({ hasText: `The ${secret} plan` }));
  await visible(adminPage.getByRole('complementary').getByRole('link', { name: 'Vault' }));
  await adminPage.goto(hiddenPaths.space);
  await visible(adminPage.getByRole('heading', { name: 'Vault', level: 1 }));
  await adminPage.goto(hiddenPaths.topic);
  await visible(adminPage.getByRole('heading', { name: `The ${secret} plan`, level: 1 }));
  await nav(adminPage).getByRole('link', { name: 'Search', exact: true }).click();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = await searchFor(adminPage, secret);
    if (!/No results/.test(status) || Date.now() > deadline) break;
    await adminPage.waitForTimeout(500);
  }
  await visible(adminPage.getByTestId('search-hit').filter({ hasText: `The ${secret} plan` }).first());

  await memberContext.close();
  await adminContext.close();
  assert.deepEqual(errors, [], 'no script errors in the pages');
});
