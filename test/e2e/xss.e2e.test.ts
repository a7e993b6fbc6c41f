// Every XSS payload of test/discussions/xss.ts goes in through topic titles, post bodies, display names
// (profile edit) and tags, and Chromium opens every page that shows them: the home list, the space list,
// topic pages (the app and the server-rendered HTML on its own), search results, notifications,
// profiles, the welcome heading, the profile form and the @mention list. Payloads call alert() or set
// window.__x; the pages run with their Content-Security-Policy bypassed, so escaping and sanitizing
// alone must keep them inert, and once more with the policy on, which must report no violation.
// A payload the API refuses (400) is safe by definition, but every channel must accept some.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { xssPayloads } from '../discussions/xss';
import { startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { createSpace, setUpAdmin, signInContext, signUpMember, type ApiMember } from '../support/e2e-members';
import type { PageGlobals } from '../support/page-globals';
import { assertNothingRan, clearWatch, inParallel, inPool, newWatch, settle, watchedContext } from '../support/xss-watch';

const TITLE_WORD = 'qzxtitle';
const BODY_WORD = 'qzxbody';
const POOL = 4;
const NAME_WORKERS = 6;

let session: BrowserSession;
let baseUrl: string;
let alice: ApiMember;
let bob: ApiMember;
let lab: { id: number; slug: string };
const watch = newWatch();
/** Topics whose title and first post are a payload. */
const payloadTopics: { id: number; slug: string; title: string }[] = [];

before(async () => {
  // Hundreds of requests, topics and replies per member, and a sign-up per display name.
  session = await startBrowserSession({ RATE_LIMIT_PER_MINUTE: '100000', SIGNUP_LIMIT_PER_HOUR: '100000', POSTS_PER_MINUTE: '100000' });
  baseUrl = session.server.baseUrl;
  const admin = await setUpAdmin(session.server);
  lab = await createSpace(admin, 'Lab', 'lab', 'public');
  alice = await signUpMember(session.server, 'alice', 'Alice');
  bob = await signUpMember(session.server, 'bob', 'Bob');
});
after(() => session?.close());
// Each test asserts what it saw; a test that failed early must not fail the next one.
beforeEach(() => clearWatch(watch));

/** A context signed in as the member (or a guest), watched; its Content-Security-Policy bypassed unless said. */
async function contextFor(member: ApiMember | null, options: { bypassCsp?: boolean; serverHtmlOnly?: boolean } = {}): Promise<BrowserContext> {
  const context = await watchedContext(session.browser, watch, { baseUrl, bypassCsp: options.bypassCsp ?? true, serverHtmlOnly: options.serverHtmlOnly ?? false });
  if (member) await signInContext(context, member, baseUrl);
  return context;
}

async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

/** Clicks the list's "load more" button until it is gone, each time waiting for more rows, then settles. */
async function loadEverything(page: Page, rowSelector: string, buttonName: string): Promise<void> {
  const more = page.getByRole('button', { name: buttonName, exact: true });
  for (;;) {
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('.list-footer [role="status"]') === null);
    if ((await more.count()) === 0) break;
    const before = await page.locator(rowSelector).count();
    await more.click();
    await page.waitForFunction(([selector, count]) => (globalThis as unknown as PageGlobals).document.querySelectorAll(selector).length > count, [rowSelector, before] as const);
  }
  await settle(page);
}

void test('control: the watch notices a script that runs, so a clean result means something', { timeout: 120_000 }, async () => {
  for (const bypassCsp of [true, false]) {
    const context = await contextFor(null, { bypassCsp });
    const page = await context.newPage();
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await visible(page.getByRole('heading', { level: 1 }));
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="alert(1)">'));
    await page.waitForTimeout(500);
    if (bypassCsp) {
      assert.ok(watch.hits.some((hit) => hit.startsWith('alert(1)')), `the injected handler's alert was reported: ${JSON.stringify(watch)}`);
      assert.equal(watch.dialogs.length, 1, 'and its dialog seen');
      await page.evaluate(() => {
        (globalThis as unknown as PageGlobals).__x = 1;
      });
      await page.waitForTimeout(100);
      assert.ok(watch.hits.some((hit) => hit.startsWith('__x=1')), 'a write to window.__x is reported');
    } else {
      assert.deepEqual(watch.hits, [], 'with the policy on, the inline handler does not run');
      assert.ok(watch.cspViolations.length > 0, 'and the violation is reported');
    }
    assert.throws(() => assertNothingRan(watch, 'control'), assert.AssertionError);
    await context.close();
    clearWatch(watch);
  }
});

void test('topic titles and post bodies: lists, topic pages, server HTML, search and notifications', { timeout: 170_000 }, async () => {
  let refusedTitles = 0;
  for (const [index, payload] of xssPayloads.entries()) {
    const reply = await alice.client.post<{ id: number; slug: string; title: string }>('/api/topics', { spaceId: lab.id, title: `${TITLE_WORD} ${payload}`, body: payload });
    if (reply.status === 400) {
      refusedTitles++;
      continue;
    }
    assert.equal(reply.status, 201, `payload ${index}: ${reply.text}`);
    payloadTopics.push(reply.body);
    // Bob's reply quotes the payload around a search word and gives Alice a notification with the title.
    const answer = await bob.client.post(`/api/topics/${reply.body.id}/posts`, { body: `${payload} ${BODY_WORD} ${payload}` });
    assert.equal(answer.status, 201, `reply to payload ${index}: ${answer.text}`);
  }
  assert.ok(payloadTopics.length >= xssPayloads.length / 2, `most titles are accepted (${refusedTitles} refused)`);

  const app = await contextFor(alice);
  const page = await app.newPage();

  // The home page's latest list and the space's list, every page of them.
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await visible(page.getByTestId('topic-row').first());
  await loadEverything(page, '[data-testid="topic-row"]', 'Load more');
  assert.ok((await page.getByTestId('topic-row').count()) >= payloadTopics.length, 'the home list shows every topic');
  await page.goto(`/s/${lab.slug}/${lab.id}`, { waitUntil: 'domcontentloaded' });
  await visible(page.getByTestId('topic-row').first());
  await loadEverything(page, '[data-testid="topic-row"]', 'Load more topics');
  assertNothingRan(watch, 'topic lists');

  // Each topic page in the app: the title as text, the first post and the reply rendered.
  await inPool(app, payloadTopics, POOL, async (topic, tab) => {
    await tab.goto(`/t/${topic.slug}/${topic.id}`, { waitUntil: 'domcontentloaded' });
    await visible(tab.getByTestId('post').nth(1));
    assert.equal(await textOf(tab, 'main h1'), topic.title, 'the title shows as written');
    await settle(tab);
  });
  assertNothingRan(watch, 'topic pages in the app');

  // The same pages and the space page as the server sends them, with the app's scripts held back.
  const serverHtml = await contextFor(null, { serverHtmlOnly: true });
  await inPool(serverHtml, payloadTopics, POOL, async (topic, tab) => {
    const response = await tab.goto(`/t/${topic.slug}/${topic.id}`, { waitUntil: 'domcontentloaded' });
    assert.equal(response?.status(), 200);
    assert.equal(await textOf(tab, 'main h1'), topic.title);
    assert.equal(await tab.locator('main article.post').count(), 2);
    await settle(tab);
  });
  const spacePage = await serverHtml.newPage();
  await spacePage.goto(`/s/${lab.slug}/${lab.id}`, { waitUntil: 'domcontentloaded' });
  await settle(spacePage);
  await serverHtml.close();
  assertNothingRan(watch, 'server-rendered pages');

  // Search: titles, then the reply snippets (escaped text with <mark>).
  for (const [word, type] of [
    [TITLE_WORD, 'topic'],
    [BODY_WORD, 'post'],
  ] as const) {
    await page.goto(`/search?q=${word}&type=${type}`, { waitUntil: 'domcontentloaded' });
    await visible(page.getByTestId('search-hit').first());
    await loadEverything(page, '[data-testid="search-hit"]', 'More results');
    assert.equal(await page.getByTestId('search-hit').count(), payloadTopics.length, `every ${type} is found by "${word}"`);
  }
  assertNothingRan(watch, 'search results');

  // Notifications: Bob's replies, each named by its topic's title.
  await page.goto('/notifications', { waitUntil: 'domcontentloaded' });
  await visible(page.locator('.notification').first());
  await loadEverything(page, '.notification', 'Load more notifications');
  assert.ok((await page.locator('.notification').count()) >= payloadTopics.length);
  assertNothingRan(watch, 'notifications');
  await app.close();
});

/** Client-side navigation inside the app (its router follows popstate), without reloading the page. */
async function appNavigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    const page = globalThis as unknown as PageGlobals;
    page.history.pushState(null, '', to);
    page.dispatchEvent(new page.PopStateEvent('popstate'));
  }, path);
}

void test('display names: profile pages, the welcome heading, the profile form, @mentions and server HTML', { timeout: 300_000 }, async () => {
  // A few members take the names in turn (profile edit), each showing every page its name appears on.
  const serverHtml = await contextFor(null, { serverHtmlOnly: true });
  const workers: { member: ApiMember; topicPath: string; page: Page; html: Page }[] = [];
  for (let k = 0; k < NAME_WORKERS; k++) {
    const member = await signUpMember(session.server, `dn${k}`);
    const topic = await member.client.post<{ id: number; slug: string }>('/api/topics', { spaceId: lab.id, title: `Roll call ${k}`, body: 'Say hello.' });
    assert.equal(topic.status, 201, topic.text);
    const own = await contextFor(member);
    workers.push({ member, topicPath: `/t/${topic.body.slug}/${topic.body.id}`, page: await own.newPage(), html: await serverHtml.newPage() });
  }
  let accepted = 0;
  let refused = 0;
  await inParallel(xssPayloads, NAME_WORKERS, async (payload, k) => {
    const { member, topicPath, page, html } = workers[k] ?? assert.fail('a worker for each lane');
    const changed = await member.client.patch<{ displayName: string }>('/api/me', { displayName: payload });
    if (changed.status === 400) return void refused++;
    assert.equal(changed.status, 200, changed.text);
    accepted++;
    const name = changed.body.displayName;
    // The public profile (a fresh load, so the app knows the new name), then inside the app the welcome
    // heading, the profile form and the @mention list as the member types their own name.
    await page.goto(`/u/${member.username}`, { waitUntil: 'domcontentloaded' });
    await visible(page.getByText(`@${member.username}`, { exact: true }));
    assert.equal(await textOf(page, 'main h1'), name);
    await settle(page);
    await appNavigate(page, '/');
    await visible(page.getByRole('heading', { level: 1, name: /^Welcome, / }));
    assert.equal(await textOf(page, 'main h1'), `Welcome, ${name}`);
    await settle(page);
    await appNavigate(page, '/profile');
    // A one-line input drops line breaks from its value (HTML's value sanitization), so compare without them.
    assert.equal(await (await visible(page.getByLabel('Display name'))).inputValue(), name.replace(/[\r\n]/g, ''));
    await settle(page);
    await appNavigate(page, topicPath);
    await (await visible(page.getByLabel('Your reply'))).pressSequentially(`@${member.username}`);
    const option = await visible(page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option').first());
    assert.equal(await option.locator('.mention-name').textContent(), name);
    await settle(page);
    // The server-rendered topic names its author.
    await html.goto(topicPath, { waitUntil: 'domcontentloaded' });
    assert.equal(await textOf(html, 'main article.post .author'), `${name} @${member.username}`);
    await settle(html);
  });
  await Promise.all(workers.map(({ page }) => page.context().close()));
  await serverHtml.close();
  assert.ok(accepted >= 20 && refused > 0, `names accepted: ${accepted}, refused (too long, or not one line): ${refused}`);
  assertNothingRan(watch, 'display names');
});

void test('tags: the accepted ones show on topic pages; the rest are refused with 400', { timeout: 120_000 }, async () => {
  const tagged: { id: number; slug: string; tags: string[] }[] = [];
  let refused = 0;
  for (const [index, payload] of xssPayloads.entries()) {
    const reply = await alice.client.post<{ id: number; slug: string; tags: string[] }>('/api/topics', { spaceId: lab.id, title: `Tag probe ${index}`, body: 'tagged', tags: [payload] });
    if (reply.status === 400) {
      refused++;
      continue;
    }
    assert.equal(reply.status, 201, `payload ${index}: ${reply.text}`);
    tagged.push(reply.body);
  }
  assert.ok(tagged.length > 0 && refused > 0, `tags accepted: ${tagged.length}, refused: ${refused}`);
  const app = await contextFor(alice);
  await inPool(app, tagged, POOL, async (topic, tab) => {
    await tab.goto(`/t/${topic.slug}/${topic.id}`, { waitUntil: 'domcontentloaded' });
    for (const tag of topic.tags) await visible(tab.locator('.tag', { hasText: `#${tag}` }).first());
    await settle(tab);
  });
  const page = await app.newPage();
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await visible(page.getByTestId('topic-row').first());
  await settle(page);
  await app.close();
  assertNothingRan(watch, 'tags');
});

void test('with the Content-Security-Policy on, the pages report no violation (phone-sized screen)', { timeout: 120_000 }, async () => {
  const context = await watchedContext(session.browser, watch, { baseUrl, bypassCsp: false, viewport: { width: 390, height: 844 } });
  await signInContext(context, alice, baseUrl);
  const page = await context.newPage();
  const paths = ['/', `/s/${lab.slug}/${lab.id}`, `/search?q=${TITLE_WORD}&type=topic`, `/search?q=${BODY_WORD}&type=post`, '/notifications', ...payloadTopics.slice(0, 20).map((t) => `/t/${t.slug}/${t.id}`)];
  for (const path of paths) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await visible(page.locator('main h1').first());
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('main .loading') === null);
    await settle(page);
  }
  await context.close();
  assertNothingRan(watch, 'pages under the Content-Security-Policy');
});
