// Browser flow for onboarding and invites on the built app and a real server: member A makes an invite
// link and copies it; a visitor signs up through it ("Invited by A"), finds the welcome message in
// their inbox, sees the "Start here" checklist, writes a first reply and introduces themself (the
// progress moves); the admin finds the newcomer's topic in the newcomers' queue (by keyboard) and A
// in the advocates list.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { nav, startBrowserSession, visible, watchedPage, type BrowserSession } from '../support/browser';
import { createSpace, createTopic, pageAs, setUpAdmin, signUpMember, tabTo, type ApiMember } from '../support/e2e-members';

let session: BrowserSession | undefined;
let admin: ApiMember;
let alice: ApiMember;
let hello: { id: number; slug: string };

before(async () => {
  session = await startBrowserSession();
  admin = await setUpAdmin(session.server);
  // setUpAdmin turns welcome messages off for other stories; this one is about them.
  const on = await admin.client.patch('/api/admin/settings', { welcomeMessageEnabled: true });
  assert.equal(on.status, 200, on.text);
  alice = await signUpMember(session.server, 'alice', 'Alice Inviter');
  const space = await createSpace(admin, 'Lounge', 'lounge', 'public');
  hello = await createTopic(admin, space.id, 'Say hello to the community', 'Tell us what brings you here.');
});

after(() => session?.close());

async function progressText(page: Page): Promise<string> {
  return (await visible(page.getByTestId('start-here-progress'))).innerText();
}

void test('an invite link, a sign-up through it, the welcome, the checklist, the newcomers\' queue and the advocates', { timeout: 180_000 }, async () => {
  assert.ok(session);
  const { browser, server } = session;
  const errors: string[] = [];

  // A makes a single-use invite link and copies it.
  const { context: contextA, page: pageA } = await pageAs(session, errors, alice);
  await contextA.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  await pageA.goto('/');
  await nav(pageA).getByRole('link', { name: 'Invites' }).click();
  await visible(pageA.getByRole('heading', { name: 'Invites', level: 1 }));
  await pageA.getByLabel('Note').fill('For Nadia');
  await pageA.getByRole('button', { name: 'Create invite link' }).click();
  const linkInput = await visible(pageA.getByTestId('invite-link'));
  const link = await linkInput.inputValue();
  assert.match(link, /\/signup\?invite=[A-Za-z0-9_-]{22}$/);
  await pageA.getByRole('button', { name: 'Copy link' }).click();
  await visible(pageA.getByRole('status').filter({ hasText: /Link copied|press Ctrl\+C/ }));
  const row = await visible(pageA.getByTestId('invite-row').filter({ hasText: 'For Nadia' }));
  assert.match(await row.innerText(), /0 \/ 1/);
  assert.match(await row.innerText(), /Active/);

  // A visitor opens the link and signs up: the form says who invited them.
  const contextN = await browser.newContext({ baseURL: server.baseUrl });
  const pageN = await watchedPage(contextN, errors, 15_000);
  await pageN.goto(new URL(link).pathname + new URL(link).search);
  await visible(pageN.getByRole('heading', { name: 'Create your account', level: 1 }));
  await visible(pageN.getByTestId('invited-by').filter({ hasText: 'Invited by Alice Inviter' }));
  await pageN.getByLabel('Username').fill('nadia');
  await pageN.getByLabel('Email').fill('nadia@example.com');
  await pageN.getByLabel('Password', { exact: true }).fill('a long enough password');
  // No display name: "fill in your profile" stays on the checklist.
  await pageN.getByLabel('I accept the community guidelines').check();
  await pageN.getByRole('button', { name: 'Create account' }).click();
  await visible(pageN.getByRole('heading', { name: 'Welcome, nadia', level: 1 }));

  // The checklist: the guidelines were accepted at sign-up, the rest is to do.
  const card = await visible(pageN.getByTestId('start-here'));
  assert.equal(await progressText(pageN), '1 of 4 done');
  assert.equal(await card.getByTestId('start-here-guidelines').getAttribute('data-done'), 'true');
  assert.equal(await card.getByTestId('start-here-profile').getAttribute('data-done'), 'false');
  assert.equal(await card.getByTestId('start-here-first_reply').getAttribute('data-done'), 'false');

  // The welcome message waits in the inbox (it is sent by a background job just after sign-up).
  await nav(pageN).getByRole('link', { name: 'Messages', exact: true }).click();
  await visible(pageN.getByRole('heading', { name: 'Messages', level: 1 }));
  const welcomeRow = pageN.getByTestId('conversation-row').filter({ hasText: 'Welcome to Hearth, nadia!' });
  for (let i = 0; i < 30 && (await welcomeRow.count()) === 0; i++) {
    await pageN.waitForTimeout(500);
    await pageN.reload();
  }
  await visible(welcomeRow);
  await welcomeRow.getByRole('link').first().click();
  await visible(pageN.getByRole('heading', { name: 'Welcome to Hearth, nadia!', level: 1 }));
  await visible(pageN.getByTestId('message').filter({ hasText: 'Hi nadia, welcome to Hearth!' }));
  await visible(pageN.getByTestId('message').getByRole('link', { name: 'community guidelines' }));

  // A first reply moves the progress on.
  await pageN.goto(`/t/${hello.slug}/${hello.id}`);
  await visible(pageN.getByRole('heading', { name: 'Say hello to the community', level: 1 }));
  await pageN.getByLabel('Your reply').fill('Hello everyone, glad to be here!');
  await pageN.getByRole('button', { name: 'Post reply' }).click();
  await visible(pageN.getByTestId('post').filter({ hasText: 'glad to be here' }));
  await nav(pageN).getByRole('link', { name: 'Home' }).click();
  assert.equal(await progressText(pageN), '2 of 4 done');
  assert.equal(await pageN.getByTestId('start-here-first_reply').getAttribute('data-done'), 'true');

  // "Introduce yourself" leads to a new topic tagged introductions; nobody has answered it yet.
  await pageN.getByTestId('start-here-introduce').getByRole('link', { name: 'Introduce yourself' }).click();
  await visible(pageN.getByRole('heading', { name: 'New topic', level: 1 }));
  assert.equal(await pageN.getByLabel('Tags').inputValue(), 'introductions');
  await pageN.getByLabel('Title').fill('Nadia from the coast');
  await pageN.getByLabel('Body').fill('I paint boats and I am new here. Any tips?');
  await pageN.getByRole('button', { name: 'Create topic' }).click();
  await visible(pageN.getByRole('heading', { name: 'Nadia from the coast', level: 1 }));
  await nav(pageN).getByRole('link', { name: 'Home' }).click();
  assert.equal(await progressText(pageN), '3 of 4 done');
  assert.equal(await pageN.getByTestId('start-here-profile').getAttribute('data-done'), 'false');
  assert.equal(await nav(pageN).getByRole('link', { name: 'Newcomers' }).count(), 0, 'the queue is not for new members');

  // A's invite now shows who joined through it.
  await pageA.reload();
  const used = await visible(pageA.getByTestId('invite-row').filter({ hasText: 'For Nadia' }));
  assert.match(await used.innerText(), /1 \/ 1/);
  assert.match(await used.innerText(), /Used up/);
  await visible(used.getByRole('link', { name: 'nadia' }));

  // The admin finds the newcomer's topic in the queue and opens it by keyboard.
  const { context: contextAdmin, page: pageAdmin } = await pageAs(session, errors, admin);
  await pageAdmin.goto('/');
  await nav(pageAdmin).getByRole('link', { name: 'Newcomers' }).click();
  await visible(pageAdmin.getByRole('heading', { name: 'Newcomers waiting for an answer', level: 1 }));
  const queued = await visible(pageAdmin.getByTestId('newcomer-row').filter({ hasText: 'Nadia from the coast' }));
  assert.equal(await queued.getAttribute('data-overdue'), 'false');
  assert.match(await queued.innerText(), /nadia/);
  assert.equal(await pageAdmin.getByTestId('newcomer-row').filter({ hasText: 'Say hello to the community' }).count(), 0, 'staff topics are not newcomers\'');
  const topicLink = queued.getByRole('link', { name: 'Nadia from the coast' });
  await tabTo(pageAdmin, topicLink);
  await pageAdmin.keyboard.press('Enter');
  await visible(pageAdmin.getByRole('heading', { name: 'Nadia from the coast', level: 1 }));

  // The advocates list credits A with one invited member who is active.
  await pageAdmin.goto('/invites');
  await pageAdmin.getByRole('tab', { name: 'Advocates' }).click();
  const advocate = await visible(pageAdmin.getByTestId('advocate-row').filter({ hasText: 'Alice Inviter' }));
  const cells = await advocate.locator('td').allInnerTexts();
  assert.deepEqual(cells, ['1', '1']);

  await contextA.close();
  await contextN.close();
  await contextAdmin.close();
  assert.deepEqual(errors, [], 'no script errors in the pages');
});
