// Browser flow for an ideas board on the built app and a real server: the admin creates the board from
// the Spaces tab; member A posts an idea; member B votes, takes the vote back and votes again (A's open
// page follows the count live); the admin
// sets "planned" with a public comment; B finds the notification; the roadmap lists the idea under
// Planned; a duplicate merged from the idea's staff tools moves its votes to the idea.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { createTopic, pageAs as signedInPage, setUpAdmin, signUpMember, type ApiMember } from '../support/e2e-members';
import type { Idea } from '../support/ideas';

let session: BrowserSession | undefined;
let admin: ApiMember;
let ana: ApiMember;
let ben: ApiMember;
let carl: ApiMember;
const errors: string[] = [];

before(async () => {
  session = await startBrowserSession();
  admin = await setUpAdmin(session.server);
  ana = await signUpMember(session.server, 'ana_ideas', 'Ana Ideas');
  ben = await signUpMember(session.server, 'ben_votes', 'Ben Votes');
  carl = await signUpMember(session.server, 'carl_copies', 'Carl Copies');
});
after(() => session?.close());

const pageAs = (member: ApiMember) => signedInPage(session, errors, member);

async function votesShown(page: Page): Promise<string> {
  return ((await page.getByTestId('idea-panel').getByTestId('idea-votes').textContent()) ?? '').trim();
}

void test('ideas board: post, vote, status with a comment, notification, roadmap, merge', { timeout: 240_000 }, async () => {
  // 1. The admin creates the ideas board from the Spaces tab.
  const adminPage = (await pageAs(admin)).page;
  await adminPage.goto('/admin?tab=spaces');
  const form = await visible(adminPage.getByRole('form', { name: 'New space' }));
  await form.getByLabel('Name').fill('Feature ideas');
  await form.getByLabel('Slug').fill('feature-ideas');
  await form.getByLabel('Kind').selectOption('ideas');
  await form.getByRole('button', { name: 'Create space' }).click();
  await visible(adminPage.getByRole('link', { name: 'Feature ideas' }).first());

  // 2. Ana posts an idea from the board.
  const anaPage = (await pageAs(ana)).page;
  await anaPage.goto('/');
  await anaPage.getByRole('complementary').getByRole('link', { name: 'Feature ideas' }).click();
  await visible(anaPage.getByRole('heading', { name: 'Feature ideas', level: 1 }));
  await visible(anaPage.getByRole('tab', { name: 'Trending' }));
  await anaPage.getByRole('link', { name: 'Suggest an idea' }).click();
  await anaPage.getByLabel('Title').fill('Dark mode for the forum');
  await anaPage.getByLabel('Body').fill('Please add a dark theme for night owls.');
  await anaPage.getByRole('button', { name: 'Create topic' }).click();
  await visible(anaPage.getByRole('heading', { name: 'Dark mode for the forum', level: 1 }));
  const ideaUrl = new URL(anaPage.url()).pathname;
  const ideaId = Number(ideaUrl.split('/').pop());
  await visible(anaPage.getByTestId('idea-panel').getByTestId('idea-status').filter({ hasText: 'Open' }));

  // 3. Ben votes from the board's list, takes the vote back on the idea's page, and votes again.
  const benPage = (await pageAs(ben)).page;
  await benPage.goto('/');
  await benPage.getByRole('complementary').getByRole('link', { name: 'Feature ideas' }).click();
  const row = await visible(benPage.getByTestId('idea-row').filter({ hasText: 'Dark mode for the forum' }));
  await row.getByRole('button', { name: 'Vote for Dark mode for the forum', exact: true }).click();
  await visible(row.getByRole('button', { name: 'Take back your vote for Dark mode for the forum' }));
  await visible(row.getByTestId('idea-votes').filter({ hasText: '1 vote' }));
  // Ana, still on the idea's page, sees the count move without a reload.
  await visible(anaPage.getByTestId('idea-panel').getByTestId('idea-votes').filter({ hasText: '1 vote' }));
  await row.getByRole('link', { name: 'Dark mode for the forum' }).click();
  const panel = await visible(benPage.getByTestId('idea-panel'));
  assert.equal(await votesShown(benPage), '1 vote');
  await panel.getByRole('button', { name: /Take back your vote/ }).click();
  await visible(panel.getByRole('button', { name: 'Vote for Dark mode for the forum', exact: true }));
  assert.equal(await votesShown(benPage), '0 votes');
  await visible(anaPage.getByTestId('idea-panel').getByTestId('idea-votes').filter({ hasText: '0 votes' }));
  await panel.getByRole('button', { name: 'Vote for Dark mode for the forum', exact: true }).click();
  await visible(panel.getByRole('button', { name: /Take back your vote/ }));
  assert.equal(await votesShown(benPage), '1 vote');
  const seen = (await ben.client.get<Idea>(`/api/ideas/${ideaId}`)).body;
  assert.deepEqual([seen.voted, seen.votes], [true, 1]);

  // 4. The admin sets "planned" with a public comment from the idea's staff tools.
  await adminPage.goto(ideaUrl);
  const staffPanel = await visible(adminPage.getByTestId('idea-panel'));
  await staffPanel.getByText('Staff: status and merge').click();
  const statusForm = staffPanel.getByRole('form', { name: 'Set the status' });
  await statusForm.getByLabel('Status').selectOption('planned');
  await statusForm.getByLabel('Public comment').fill('Coming in **the spring** release.');
  await statusForm.getByRole('button', { name: 'Save status' }).click();
  await visible(staffPanel.getByTestId('idea-status').filter({ hasText: 'Planned' }));
  await visible(staffPanel.getByTestId('idea-status-comment').locator('strong').filter({ hasText: 'the spring' }));

  // 5. Ben gets a notification that leads back to the idea.
  await benPage.goto('/notifications');
  await visible(benPage.getByText('Idea "Dark mode for the forum" is now Planned'));
  await visible(benPage.getByText('Coming in **the spring** release.'));

  // 6. The roadmap shows the idea under Planned.
  await benPage.goto(ideaUrl);
  await benPage.getByTestId('idea-panel').getByRole('link', { name: 'Roadmap' }).click();
  await visible(benPage.getByRole('heading', { name: /Roadmap/, level: 1 }));
  const planned = await visible(benPage.getByTestId('roadmap-planned'));
  await visible(planned.getByRole('link', { name: 'Dark mode for the forum' }));
  await visible(planned.getByText('1 vote'));
  assert.equal(await benPage.getByTestId('roadmap-done').getByTestId('roadmap-idea').count(), 0);

  // 7. Carl posts the same idea and votes for it; the admin merges it into Ana's, and the vote moves.
  const copy = await createTopic(carl, seen.spaceId, 'Night theme please', 'A dark look would be great.');
  assert.equal((await carl.client.post(`/api/ideas/${copy.id}/vote`)).status, 200);
  await adminPage.goto(`/t/${copy.slug}/${copy.id}`);
  const copyPanel = await visible(adminPage.getByTestId('idea-panel'));
  await copyPanel.getByText('Staff: status and merge').click();
  const mergeForm = copyPanel.getByRole('form', { name: 'Merge into…' });
  await mergeForm.locator('option', { hasText: 'Dark mode for the forum' }).waitFor({ state: 'attached' });
  await mergeForm.getByLabel('The idea this one duplicates').selectOption({ label: 'Dark mode for the forum (1)' });
  adminPage.once('dialog', (dialog) => void dialog.accept());
  await mergeForm.getByRole('button', { name: 'Merge duplicate' }).click();
  await visible(copyPanel.getByTestId('idea-status').filter({ hasText: 'Duplicate' }));
  await copyPanel.getByRole('link', { name: 'Dark mode for the forum' }).click();
  await visible(adminPage.getByRole('heading', { name: 'Dark mode for the forum', level: 1 }));
  await visible(adminPage.getByTestId('idea-panel').getByTestId('idea-votes').filter({ hasText: '2 votes' }));
  await visible(adminPage.getByTestId('idea-panel').getByRole('link', { name: 'Night theme please' }));

  assert.deepEqual(errors, []);
});
