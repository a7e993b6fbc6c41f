// Browser check of the admin Spaces tab: an admin creates a Q&A space from the form, turns it into an
// ideas board, makes it private and grants a named group the right to see it; a member of that group
// then sees it, another member does not.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { pageAs, setUpAdmin, signUpMember } from '../support/e2e-members';

let session: BrowserSession | undefined;

before(async () => {
  session = await startBrowserSession();
});
after(() => session?.close());

interface SpaceItem {
  id: number;
  slug: string;
  kind: string;
  visibility: string;
}

void test('an admin creates, edits and grants rights in a space from the Spaces tab', { timeout: 120_000 }, async () => {
  assert.ok(session);
  const errors: string[] = [];
  const admin = await setUpAdmin(session.server);
  const insider = await signUpMember(session.server, 'ines_insider', 'Ines Insider');
  const outsider = await signUpMember(session.server, 'otto_outsider', 'Otto Outsider');
  const group = await admin.client.post<{ id: number }>('/api/groups', { name: 'makers', description: 'Workshop regulars' });
  assert.equal(group.status, 201, group.text);
  const added = await admin.client.post(`/api/groups/${group.body.id}/members`, { username: insider.username });
  assert.equal(added.status, 204, added.text);

  const { page } = await pageAs(session, errors, admin);
  await page.goto('/admin?tab=spaces');
  const form = page.getByRole('form', { name: 'New space' });
  await form.getByLabel('Name').fill('Help desk');
  await form.getByLabel('Slug').fill('help-desk');
  await form.getByLabel('Description').fill('Ask and answer');
  await form.getByLabel('Kind').selectOption('qa');
  await form.getByRole('button', { name: 'Create space' }).click();
  const row = page.locator('.space-admin-row').filter({ hasText: 'Help desk' });
  await visible(row.getByText('Q&A'));
  const created = (await admin.client.get<{ items: SpaceItem[] }>('/api/spaces')).body.items.find((s) => s.slug === 'help-desk');
  assert.equal(created?.kind, 'qa');

  // A duplicate slug is refused at the field.
  await form.getByLabel('Name').fill('Help again');
  await form.getByLabel('Slug').fill('help-desk');
  await form.getByRole('button', { name: 'Create space' }).click();
  await visible(form.locator('.field-error').getByText(/exists/));

  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit space Help desk' });
  await edit.getByLabel('Kind').selectOption('ideas');
  await edit.getByLabel('Visibility').selectOption('private');
  await edit.getByRole('button', { name: 'Save space' }).click();
  await visible(row.getByText('Ideas board'));
  await visible(row.getByText('Private'));

  await row.getByRole('button', { name: 'Permissions' }).click();
  await row.getByRole('checkbox', { name: 'makers: See' }).check();
  await row.getByRole('checkbox', { name: 'makers: Reply' }).check();
  await row.getByRole('button', { name: 'Save permissions' }).click();
  await visible(row.getByText('Permissions saved'));

  const space = (await admin.client.get<{ items: SpaceItem[] }>('/api/spaces')).body.items.find((s) => s.slug === 'help-desk');
  assert.deepEqual([space?.kind, space?.visibility], ['ideas', 'private']);
  const seenBy = async (member: typeof insider) => (await member.client.get<{ items: SpaceItem[] }>('/api/spaces')).body.items.some((s) => s.slug === 'help-desk');
  assert.equal(await seenBy(insider), true, 'a member of the granted group sees the space');
  assert.equal(await seenBy(outsider), false, 'others do not');
  assert.deepEqual(errors, []);
});
