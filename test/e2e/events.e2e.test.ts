// Browser flow for events and AMAs on the built app and a real server: the admin creates an AMA with
// one seat in an events space through the form; member A RSVPs going; member B RSVPs going and sees
// waitlist position 1; A switches to not going and B gets the seat (and a notification); B asks a
// question, A upvotes it, the admin answers it and the answer appears in the event's topic.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { createSpace, setUpAdmin, signUpMember, type ApiMember, pageAs as signedInPage } from '../support/e2e-members';

let session: BrowserSession | undefined;
let admin: ApiMember;
let memberA: ApiMember;
let memberB: ApiMember;
let space: { id: number; slug: string };
const errors: string[] = [];

before(async () => {
  session = await startBrowserSession();
  admin = await setUpAdmin(session.server, 'ada_admin');
  space = await createSpace(admin, 'Meetups', 'meetups', 'public', 'events');
  memberA = await signUpMember(session.server, 'alma_a', 'Alma A');
  memberB = await signUpMember(session.server, 'bruno_b', 'Bruno B');
});
after(() => session?.close());

const pageAs = (member: ApiMember) => signedInPage(session, errors, member);

/** A datetime-local value `days` from now at 18:00 (local to the browser's zone, which the form uses). */
function dayAhead(days: number, hour: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(hour)}:00`;
}

async function rsvp(page: Page, label: 'Going' | 'Maybe' | 'Not going'): Promise<void> {
  const panel = page.getByTestId('rsvp-panel');
  await panel.getByRole('button', { name: label, exact: true }).click();
  await visible(panel.getByRole('button', { name: label, exact: true, pressed: true }));
}

void test('AMA with one seat: waitlist, promotion, question, upvote, answer in the topic', { timeout: 240_000 }, async () => {
  // 1. The admin opens the events space, follows "New event" and creates an AMA with capacity 1.
  const host = await pageAs(admin);
  await host.page.goto(`/s/${space.slug}/${space.id}`);
  await visible(host.page.getByTestId('events-space'));
  await host.page.getByRole('link', { name: 'New event' }).click();
  await visible(host.page.getByRole('heading', { name: 'New event', level: 1 }));
  await host.page.getByLabel('Title').fill('Ask the core team');
  await host.page.getByLabel('Description').fill('Bring your **questions**.');
  await host.page.getByLabel('Starts').fill(dayAhead(3, 18));
  await host.page.getByLabel('Ends').fill(dayAhead(3, 19));
  await host.page.getByLabel('Online link').fill('https://meet.example.com/ama');
  await host.page.getByLabel('Capacity').fill('1');
  await host.page.getByLabel(/^AMA/).check();
  await host.page.getByRole('button', { name: 'Create event' }).click();
  await visible(host.page.getByRole('heading', { name: /Ask the core team/, level: 1 }));
  const eventPath = new URL(host.page.url()).pathname;
  assert.match(eventPath, /^\/events\/\d+$/);
  assert.match((await host.page.getByTestId('event-when').textContent()) ?? '', /your time/);
  assert.equal(await host.page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href'), `/api${eventPath}.ics`);
  await visible(host.page.getByRole('link', { name: 'iCal feed of this space' }));

  // 2. Member A goes: the only seat.
  const a = await pageAs(memberA);
  await a.page.goto(eventPath);
  await rsvp(a.page, 'Going');
  await visible(a.page.getByTestId('rsvp-counts').filter({ hasText: '1 of 1 seats taken' }));

  // 3. Member B asks to go and waits in line, number 1.
  const b = await pageAs(memberB);
  await b.page.goto(eventPath);
  await rsvp(b.page, 'Going');
  await visible(b.page.getByTestId('waitlist-position').filter({ hasText: 'number 1 on the waitlist' }));

  // 4. A cannot make it after all: B gets the seat and a notification.
  await rsvp(a.page, 'Not going');
  await b.page.reload();
  await visible(b.page.getByTestId('rsvp-state').filter({ hasText: 'You are going.' }));
  assert.equal(await b.page.getByTestId('waitlist-position').count(), 0);
  await b.page.goto('/notifications');
  await visible(b.page.getByText(/You have a seat/));
  await b.page.goto(eventPath);

  // 5. B asks a question; A upvotes it.
  await b.page.getByLabel('Ask a question').fill('Will the mobile app be open source?');
  await b.page.getByRole('button', { name: 'Ask', exact: true }).click();
  const asked = await visible(b.page.getByTestId('question').filter({ hasText: 'Will the mobile app be open source?' }));
  assert.equal(await asked.getByTestId('question-votes').textContent(), '0');
  await a.page.reload();
  const seenByA = await visible(a.page.getByTestId('question').filter({ hasText: 'Will the mobile app be open source?' }));
  await seenByA.getByRole('button', { name: 'Upvote' }).click();
  await visible(seenByA.getByRole('button', { name: 'Remove upvote' }));
  assert.equal(await seenByA.getByTestId('question-votes').textContent(), '1');

  // 6. The admin answers it; the answer appears in the event's topic, below the quoted question.
  await host.page.reload();
  const toAnswer = await visible(host.page.getByTestId('question').filter({ hasText: 'Will the mobile app be open source?' }));
  assert.equal(await toAnswer.getByTestId('question-votes').textContent(), '1');
  await toAnswer.getByRole('button', { name: 'Answer' }).click();
  await toAnswer.getByLabel('Your answer').fill('Yes, under the AGPL, this autumn.');
  await toAnswer.getByRole('button', { name: 'Post answer' }).click();
  await visible(toAnswer.getByText('Answered'));
  await toAnswer.getByRole('link', { name: 'Read the answer' }).click();
  await visible(host.page.getByRole('heading', { name: 'Ask the core team', level: 1 }));
  const answer = await visible(host.page.getByTestId('post').filter({ hasText: 'Yes, under the AGPL, this autumn.' }));
  assert.match((await answer.textContent()) ?? '', /Will the mobile app be open source\?/, 'the question is quoted');
  await visible(host.page.getByTestId('event-topic-panel').getByRole('link', { name: 'Ask the core team' }));

  // B was told the question was answered.
  await b.page.goto('/notifications');
  await visible(b.page.getByText(/Your question was answered/));
  assert.deepEqual(errors, []);
});
