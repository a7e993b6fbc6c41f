// Browser flows for the discussions UI: @mention autocomplete in the composer (keyboard and mouse),
// notification levels on a topic and a space, the Latest | Top | Unread | New tabs with the Top period, and
// the live "n new topics" banner on a space's page.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { startBrowserSession, visible, type BrowserSession, type RunningServer } from '../support/browser';
import { createSpace, createTopic, hasFocus, setUpAdmin, signUpMember, tabTo, type ApiMember, pageAs as signedInPage } from '../support/e2e-members';
import type { PageGlobals, PageNode } from '../support/page-globals';

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let admin: ApiMember;
let otto: ApiMember;
let garden: { id: number; slug: string };
let topic: { id: number; slug: string };
const errors: string[] = [];

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  admin = await setUpAdmin(server);
  garden = await createSpace(admin, 'Garden', 'garden', 'public');
  topic = await createTopic(admin, garden.id, 'Seeds to swap', 'Who has tomato seeds?');
  otto = await signUpMember(server, 'otto', 'Otto Ottoman');
  await signUpMember(server, 'nina', 'Nina Nightingale');
  await signUpMember(server, 'ninabot', 'Helper Bot');
  await signUpMember(server, 'zed', 'Nine Lives');
});
after(() => session?.close());

const pageAs = (member: ApiMember, viewport?: { width: number; height: number }) => signedInPage(session, errors, member, viewport);

/** Each option's display name and @username (the avatar initial is decorative). */
async function optionNames(list: Locator): Promise<string[]> {
  return list.getByRole('option').evaluateAll((options: PageNode[]) =>
    options.map((option) => Array.from(option.querySelectorAll('.mention-name, .mention-username'), (part) => part.textContent ?? '').join(' ')),
  );
}

void test('@mention autocomplete: arrows, Enter, Tab, Escape and the mouse', { timeout: 90_000 }, async () => {
  const { context, page } = await pageAs(otto);
  await page.goto(`/t/${topic.slug}/${topic.id}`);
  await visible(page.getByRole('heading', { name: 'Seeds to swap', level: 1 }));
  const box = page.getByLabel('Your reply');
  await tabTo(page, box);
  assert.equal(await box.getAttribute('aria-autocomplete'), 'list');
  await page.keyboard.type('Hi @ni');

  // Usernames that match come first (shorter first), then display names.
  const list = await visible(page.getByRole('listbox', { name: 'Members to mention' }));
  assert.deepEqual(await optionNames(list), ['Nina Nightingale @nina', 'Helper Bot @ninabot', 'Nine Lives @zed']);
  const options = list.getByRole('option');
  assert.equal(await box.getAttribute('aria-controls'), await list.getAttribute('id'));
  assert.equal(await box.getAttribute('aria-activedescendant'), await options.nth(0).getAttribute('id'));
  assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
  await visible(page.getByRole('status').filter({ hasText: '3 members found' }));

  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await box.getAttribute('aria-activedescendant'), await options.nth(2).getAttribute('id'), 'ArrowUp wraps to the last');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await list.waitFor({ state: 'detached' });
  assert.equal(await box.inputValue(), 'Hi @nina ', 'Enter inserts the name and a space, no new line');
  assert.equal(await box.getAttribute('aria-activedescendant'), null);

  // Typing goes on after the inserted name; Escape closes without changing the text.
  await page.keyboard.type('and @Ott');
  await visible(page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option', { name: /@otto/ }));
  await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  assert.equal(await box.inputValue(), 'Hi @nina and @Ott');
  // Typing more opens it again; a click picks.
  await page.keyboard.type('o');
  await page.getByRole('listbox').getByRole('option', { name: /@otto/ }).click();
  assert.equal(await box.inputValue(), 'Hi @nina and @otto ');
  assert.ok(await hasFocus(box), 'focus stays in the text box after a click');

  // Tab inserts too; elsewhere Tab leaves the text box as usual.
  await page.keyboard.type('also @ninab');
  await visible(page.getByRole('option', { name: /@ninabot/ }));
  await page.keyboard.press('Tab');
  assert.equal(await box.inputValue(), 'Hi @nina and @otto also @ninabot ');
  await page.keyboard.type('thanks');
  await page.keyboard.press('Tab');
  assert.equal(await hasFocus(box), false, 'with no list open, Tab moves on');

  await page.getByRole('button', { name: 'Post reply' }).click();
  const post = await visible(page.getByTestId('post').filter({ hasText: 'thanks' }));
  await visible(post.getByRole('link', { name: '@ninabot' }));
  await visible(post.getByRole('link', { name: '@nina', exact: true }));
  await context.close();
});

void test('notification levels on a topic and a space persist', { timeout: 60_000 }, async () => {
  const { context, page } = await pageAs(otto);
  const fresh = await createTopic(admin, garden.id, 'Compost questions', 'Hot or cold compost?');
  await page.goto(`/t/${fresh.slug}/${fresh.id}`);
  const topicLevel = page.getByTestId('topic-notification-level').getByLabel('Notifications');
  await visible(topicLevel);
  assert.equal(await topicLevel.inputValue(), 'normal');
  await tabTo(page, topicLevel);
  await topicLevel.selectOption('watching');
  await visible(page.getByRole('status').filter({ hasText: 'Notifications for this topic: Watching.' }));
  await visible(page.getByText('You are notified of every new post.'));
  await page.reload();
  await visible(page.getByTestId('topic-notification-level'));
  assert.equal(await page.getByTestId('topic-notification-level').getByLabel('Notifications').inputValue(), 'watching');

  await page.goto(`/s/${garden.slug}/${garden.id}`);
  const spaceLevel = page.getByTestId('space-notification-level').getByLabel('Notifications');
  await visible(spaceLevel);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="space-notification-level"] select')?.hasAttribute('disabled') === false);
  assert.equal(await spaceLevel.inputValue(), 'normal');
  await spaceLevel.selectOption('muted');
  await visible(page.getByRole('status').filter({ hasText: 'Notifications for this space: Muted.' }));
  await page.reload();
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="space-notification-level"] select')?.hasAttribute('disabled') === false);
  assert.equal(await page.getByTestId('space-notification-level').getByLabel('Notifications').inputValue(), 'muted');
  const reply = await admin.client.post(`/api/topics/${fresh.id}/posts`, { body: 'Cold, slowly.' });
  assert.equal(reply.status, 201, reply.text);
  // Watching the topic wins over the muted space: the reply makes a notification.
  const deadline = Date.now() + 10_000;
  let count = 0;
  while (Date.now() < deadline) {
    count = ((await otto.client.get<{ unreadCount: number }>('/api/notifications/unread-count')).body).unreadCount;
    if (count > 0) break;
    await page.waitForTimeout(250);
  }
  assert.ok(count > 0, 'a watched topic notifies even in a muted space');
  await context.close();
});

void test('Latest | Top | Unread | New tabs, the Top period, and the new-topics banner on a space page', { timeout: 90_000 }, async () => {
  const { context, page } = await pageAs(otto);
  const quiet = await createTopic(admin, garden.id, 'A quiet topic', 'Nobody answers this one.');
  const kitchen = await createSpace(admin, 'Kitchen', 'kitchen', 'public');
  await createTopic(admin, kitchen.id, 'Fresh bread', 'Sourdough or yeast?');
  assert.equal((await admin.client.post(`/api/topics/${topic.id}/posts`, { body: 'Tomatoes, yes.' })).status, 201);
  await page.goto('/');
  await visible(page.getByRole('tab', { name: 'Latest', selected: true }));
  await visible(page.getByRole('heading', { name: 'Latest topics', level: 2 }));
  await visible(page.getByTestId('topic-row').filter({ hasText: 'A quiet topic' }));

  // Top: topics with replies or reactions in the period; the quiet one is left out.
  await page.getByRole('tab', { name: 'Top' }).click();
  await visible(page.getByRole('heading', { name: 'Top topics', level: 2 }));
  assert.equal(new URL(page.url()).search, '?feed=top&period=week');
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Seeds to swap' }));
  assert.equal(await page.getByTestId('topic-row').filter({ hasText: 'A quiet topic' }).count(), 0);
  const period = page.getByLabel('Period');
  assert.equal(await period.inputValue(), 'week');
  await period.selectOption('day');
  await page.waitForURL(/period=day/);
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Seeds to swap' }));
  await page.goto('/?feed=top&period=year');
  await visible(page.getByRole('tab', { name: 'Top', selected: true }));
  assert.equal(await page.getByLabel('Period').inputValue(), 'year');

  // Unread: the watched "Compost questions" has the admin's reply unread.
  await page.getByRole('tab', { name: 'Top' }).focus();
  await page.keyboard.press('ArrowRight');
  await visible(page.getByRole('heading', { name: 'Unread topics', level: 2 }));
  const unread = await visible(page.getByTestId('unread-row').filter({ hasText: 'Compost questions' }));
  assert.match((await unread.textContent()) ?? '', /1 unread/);
  assert.match((await unread.getByRole('link', { name: 'Compost questions' }).getAttribute('href')) ?? '', /#post-2$/, 'the link opens the first unread post');

  // New: topics Otto never opened; the garden is muted, so its quiet topic stays out.
  await page.keyboard.press('ArrowRight');
  await visible(page.getByRole('heading', { name: 'New topics', level: 2 }));
  assert.equal(new URL(page.url()).search, '?feed=new');
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Fresh bread' }));
  assert.equal(await page.getByTestId('topic-row').filter({ hasText: 'A quiet topic' }).count(), 0);
  await page.keyboard.press('Home');
  await visible(page.getByRole('heading', { name: 'Latest topics', level: 2 }));
  assert.equal(new URL(page.url()).search, '');

  // A space's page counts new topics and replies in that space only, and "Show" reloads the list.
  await page.goto(`/s/${garden.slug}/${garden.id}`);
  await visible(page.getByTestId('topic-row').filter({ hasText: 'A quiet topic' }));
  const elsewhere = await createSpace(admin, 'Elsewhere', 'elsewhere', 'public');
  await createTopic(admin, elsewhere.id, 'Not in the garden', 'Another space.');
  await createTopic(admin, garden.id, 'Tulip bulbs', 'When to plant?');
  await admin.client.post(`/api/topics/${quiet.id}/posts`, { body: 'Now someone answers.' });
  const banner = await visible(page.getByTestId('new-topics').filter({ hasText: '1 new topic and 1 topic with new replies' }));
  await page.waitForTimeout(300);
  assert.match((await banner.textContent()) ?? '', /^1 new topic and 1 topic with new replies — Show$/);
  await banner.getByRole('button', { name: 'Show' }).click();
  await visible(page.getByTestId('topic-row').filter({ hasText: 'Tulip bulbs' }));
  assert.equal(await page.getByTestId('topic-row').filter({ hasText: 'Not in the garden' }).count(), 0);
  assert.equal((await page.getByTestId('new-topics').textContent())?.trim(), '');
  // Otto's own new topic is not announced to him.
  await createTopic(otto, garden.id, 'My own topic', 'Posted by me.');
  await page.waitForTimeout(1_000);
  assert.equal((await page.getByTestId('new-topics').textContent())?.trim(), '');

  await context.close();
  assert.deepEqual(errors, [], 'no script errors in the pages');
});
