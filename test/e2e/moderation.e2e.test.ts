// Browser flow for moderation on the built app and a real server, with the default moderation settings:
// a new member's spam reply is held and they are told why while another member cannot see it; moderator A
// rejects it in the queue and silences them for a day; the member finds the notice, appeals from My
// moderation; moderator B (not A, who acted) overturns it; the reply is back for everyone, the silence is
// lifted, and the admin finds each step in the audit log. Then a member flags a post through the dialog,
// and moderator A's open queue announces it, then shows moderator B's claim, live.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { nav, startBrowserSession, visible, type BrowserSession, type RunningServer } from '../support/browser';
import { createSpace, createTopic, hasFocus, setUpAdmin, signUpMember, type ApiMember, pageAs as signedInPage, makeModerator } from '../support/e2e-members';

const SPAM = 'Check out my channel and subscribe!!! http://bit.ly/free-money-now make $500 a day from home';
const phone = { width: 375, height: 740 };

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let admin: ApiMember;
let newbie: ApiMember;
let reader: ApiMember;
let modA: ApiMember;
let modB: ApiMember;
let topicPath = '';
const errors: string[] = [];

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  // 'default': the spam hold and the new-member posting limits stay on.
  admin = await setUpAdmin(server, 'ada_admin', 'default');
  const lounge = await createSpace(admin, 'Lounge', 'lounge', 'public');
  const topic = await createTopic(admin, lounge.id, 'Favourite hiking trails', 'Where do you like to walk?');
  topicPath = `/t/${topic.slug}/${topic.id}`;
  newbie = await signUpMember(server, 'nick_new', 'Nick New');
  reader = await signUpMember(server, 'rita_reads', 'Rita Reads');
  modA = await makeModerator(session.server, admin, 'mod_alice');
  modB = await makeModerator(session.server, admin, 'mod_bob');
});
after(() => session?.close());

const pageAs = (member: ApiMember, viewport?: { width: number; height: number }) => signedInPage(session, errors, member, viewport);

function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}

async function openTopic(page: Page): Promise<void> {
  await page.goto(topicPath);
  await visible(page.getByRole('heading', { name: 'Favourite hiking trails', level: 1 }));
}

void test('held spam, reject and silence, appeal, overturn, audit log, flag', { timeout: 240_000 }, async () => {
  // 1. The new member's spam reply is held: they are told why, on a phone, and nobody else sees it.
  const member = await pageAs(newbie, phone);
  await openTopic(member.page);
  await member.page.getByLabel('Your reply').fill(SPAM);
  await member.page.getByRole('button', { name: 'Post reply' }).click();
  const held = await visible(member.page.getByTestId('held-notice'));
  const heldText = (await held.textContent()) ?? '';
  assert.match(heldText, /waiting for review/i);
  assert.match(heldText, /spam filter/i, 'the reason names the spam filter');
  assert.match(heldText, /What matched/, 'the evidence is listed');
  assert.equal(await member.page.getByTestId('post').filter({ hasText: 'free-money' }).count(), 0, 'the held reply is not shown in the topic');
  assert.equal(await overflowsSideways(member.page), false, 'the held notice fits a phone');
  await held.getByRole('link', { name: 'Follow it in My moderation' }).click();
  await visible(member.page.getByRole('heading', { name: 'My moderation', level: 1 }));
  const myItem = await visible(member.page.getByTestId('my-item').filter({ hasText: 'Favourite hiking trails' }));
  assert.match((await myItem.textContent()) ?? '', /Waiting for review/);
  // Back in the topic later, its author still sees the reply waiting, under the posts, and the way to My moderation.
  await openTopic(member.page);
  const waiting = await visible(member.page.getByTestId('my-held-replies'));
  await visible(waiting.getByRole('heading', { name: 'Your reply is waiting for review' }));
  assert.match((await waiting.textContent()) ?? '', /free-money/, 'it shows the held reply');
  assert.equal(await overflowsSideways(member.page), false, 'and fits a phone');
  await waiting.getByRole('link', { name: 'Why, and what happens next' }).click();
  await visible(member.page.getByTestId('my-item').filter({ hasText: 'Favourite hiking trails' }));
  // The member waits on the topic page while a moderator decides.
  await openTopic(member.page);
  await visible(member.page.getByTestId('my-held-replies'));

  const other = await pageAs(reader);
  await openTopic(other.page);
  await visible(other.page.getByTestId('post').first());
  assert.equal(await other.page.getByText('free-money', { exact: false }).count(), 0, 'another member does not see the held reply');

  // 2. Moderator A finds it in the queue (the header counts it), claims it, rejects it and silences for a day.
  const alice = await pageAs(modA);
  await alice.page.goto('/');
  await visible(nav(alice.page).getByTestId('moderation-count').filter({ hasText: '1' }));
  await nav(alice.page).getByTestId('moderation-link').click();
  await visible(alice.page.getByRole('heading', { name: 'Moderation', level: 1 }));
  assert.equal(await alice.page.getByRole('tab', { name: 'Queue' }).getAttribute('aria-selected'), 'true');
  const item = await visible(alice.page.getByTestId('review-item').filter({ hasText: 'free-money' }));
  assert.match((await item.textContent()) ?? '', /trust level 0/);
  assert.match((await item.textContent()) ?? '', /Classifier scores/);
  await item.getByRole('button', { name: 'Claim' }).click();
  await visible(item.getByText('You claimed this'));
  await item.getByRole('button', { name: 'Decide…' }).click();
  const decision = item.getByLabel('Decision', { exact: true });
  assert.equal(await hasFocus(decision), true, 'the decision form opens with focus on its first choice');
  await decision.selectOption('reject');
  await item.getByLabel('Reason').fill('Advertising: spam is not allowed here');
  await item.getByLabel('Guideline').fill('no-spam');
  await item.getByLabel('Category').selectOption('spam');
  await item.getByLabel('Sanction', { exact: true }).selectOption('silence');
  await item.getByLabel('For how long').selectOption('24');
  await item.getByRole('button', { name: 'Apply decision' }).click();
  await visible(item.getByText('Decided: removed.'));
  await visible(item.getByText(/Removed \(reject\) by mod_alice/));
  // On the member's open topic page the reply is no longer listed as waiting: it was decided.
  await member.page.getByTestId('my-held-replies').waitFor({ state: 'detached' });
  const silenced = await newbie.client.get<{ sanctions: { kind: string; active: boolean; startsAt: string; endsAt: string }[] }>('/api/me/moderation');
  const silence = silenced.body.sanctions.find((s) => s.kind === 'silence');
  assert.ok(silence?.active, 'the member is silenced');
  assert.equal(Date.parse(silence.endsAt) - Date.parse(silence.startsAt), 24 * 3_600_000, 'for 24 hours');

  // A silenced member who tries to reply is told so in the composer.
  await openTopic(member.page);
  await member.page.getByLabel('Your reply').fill('Sorry, can I still post here?');
  await member.page.getByRole('button', { name: 'Post reply' }).click();
  await visible(member.page.getByRole('alert').filter({ hasText: /silenced/i }));
  await visible(member.page.getByRole('link', { name: 'See My moderation' }));

  // 3. The member follows the notification to My moderation and appeals the decision.
  await member.page.goto('/notifications');
  const notice = await visible(member.page.getByRole('link', { name: /Your post was removed: Advertising/ }));
  // A link that wraps over lines: click its first words, as a person would.
  await notice.click({ position: { x: 10, y: 10 } });
  await visible(member.page.getByRole('heading', { name: 'My moderation', level: 1 }));
  const removed = await visible(member.page.getByTestId('my-item').filter({ hasText: 'Removed' }));
  assert.match((await removed.textContent()) ?? '', /Advertising: spam is not allowed here/);
  await visible(member.page.getByTestId('my-sanction').filter({ hasText: 'Silence' }));
  await removed.getByRole('button', { name: /^Appeal/ }).click();
  const appealBox = removed.getByLabel('Why should this decision change?');
  assert.equal(await hasFocus(appealBox), true, 'the appeal form opens with focus in its text box');
  await appealBox.fill('That is my own cooking channel, not spam. I will link to it less.');
  await removed.getByRole('button', { name: 'Send appeal' }).click();
  await visible(member.page.getByTestId('my-appeal').filter({ hasText: 'Waiting for a moderator' }));
  assert.equal(await overflowsSideways(member.page), false, 'My moderation fits a phone');

  // 4. Moderator A may not decide an appeal of their own action; moderator B overturns it.
  await alice.page.getByRole('tab', { name: 'Appeals' }).click();
  const ownAppeal = await visible(alice.page.getByTestId('appeal').filter({ hasText: 'nick_new' }));
  await visible(ownAppeal.getByText('another moderator decides'));
  const bob = await pageAs(modB);
  await bob.page.goto('/moderation/appeals');
  const appeal = await visible(bob.page.getByTestId('appeal').filter({ hasText: 'my own cooking channel' }));
  await appeal.getByLabel('Decision').selectOption('overturn');
  await appeal.getByLabel('Note to the member').fill('Fair enough: restored. Please keep links relevant.');
  await appeal.getByRole('button', { name: 'Decide appeal' }).click();
  await visible(appeal.getByText('Overturned: the decision was undone'));

  // 5. The reply is visible again to the other member, and the silence is lifted.
  await openTopic(other.page);
  await visible(other.page.getByTestId('post').filter({ hasText: 'Check out my channel' }));
  const lifted = await newbie.client.get<{ sanctions: { kind: string; active: boolean }[] }>('/api/me/moderation');
  assert.equal(lifted.body.sanctions.find((s) => s.kind === 'silence')?.active, false, 'the silence was lifted');

  // 6. The admin finds every step in the audit log, and can narrow it to one action.
  const ada = await pageAs(admin);
  await ada.page.goto('/moderation/audit');
  const table = await visible(ada.page.getByTestId('audit-table'));
  for (const action of ['review.reject', 'member.silence', 'appeal.overturn']) {
    await visible(table.locator('code', { hasText: action }).first());
  }
  await visible(ada.page.getByRole('link', { name: 'CSV' }));
  await ada.page.getByLabel('Action').fill('appeal.overturn');
  await ada.page.getByRole('button', { name: 'Search' }).click();
  await table.locator('code', { hasText: 'review.reject' }).first().waitFor({ state: 'detached' });
  assert.deepEqual(await table.locator('tbody code').allTextContents(), ['appeal.overturn'], 'only the searched action is left');

  // 7. The other member flags a post in a dialog (Escape closes it); there is no Flag button on one's own post.
  // Moderator A watches the queue meanwhile: the new item is announced there without a reload.
  await alice.page.goto('/moderation');
  await visible(alice.page.getByRole('heading', { name: 'Review queue' }));
  const waitingBefore = await alice.page.getByTestId('review-item').count();
  const post = other.page.getByTestId('post').filter({ hasText: 'Check out my channel' });
  const flag = post.getByTestId('flag-button');
  await flag.click();
  const dialog = await visible(other.page.getByRole('dialog', { name: /Flag post/ }));
  await other.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await hasFocus(flag), true, 'focus returns to the Flag button');
  await flag.click();
  await visible(dialog);
  await dialog.getByLabel('Off topic').check();
  await dialog.getByLabel('Anything the moderators should know').fill('Not about hiking at all.');
  await dialog.getByRole('button', { name: 'Send flag' }).click();
  await visible(post.getByRole('status').filter({ hasText: 'the moderators will look at it' }));
  const arrivals = await visible(alice.page.getByTestId('queue-arrivals').filter({ hasText: '1 new item in the queue.' }));
  await visible(nav(alice.page).getByTestId('moderation-count').filter({ hasText: String(waitingBefore + 1) }));
  await arrivals.getByRole('button', { name: 'Show' }).click();
  const flagged = await visible(alice.page.getByTestId('review-item').filter({ hasText: 'Check out my channel' }));
  // Moderator B claims it elsewhere: A's page shows who is on it, also without a reload.
  const queue = await modB.client.get<{ items: { id: number; post: unknown }[] }>('/api/moderation/queue?kind=flagged_post');
  const flaggedItem = queue.body.items.find((i) => JSON.stringify(i.post).includes('Check out my channel'));
  assert.ok(flaggedItem, queue.text);
  assert.equal((await modB.client.post(`/api/moderation/queue/${flaggedItem.id}/claim`)).status, 200);
  await visible(flagged.getByText(/Claimed by mod_bob/));
  await openTopic(member.page);
  const ownPost = await visible(member.page.getByTestId('post').filter({ hasText: 'Check out my channel' }));
  assert.equal(await ownPost.getByTestId('flag-button').count(), 0, 'no Flag button on your own post');

  assert.deepEqual(errors, []);
  for (const context of [member.context, other.context, alice.context, bob.context, ada.context]) await context.close();
});
