// Browser flow on the built app and a real server: first-run setup, sign-up, log in, profile, API keys.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nav, startBrowserSession, visible, watchedPage, type BrowserSession, type RunningServer } from '../support/browser';
import type { Browser, Page } from 'playwright-core';

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;

async function currentUsername(page: Page): Promise<string> {
  return (await (await visible(page.getByTestId('current-username'))).textContent()) ?? '';
}

async function logOut(page: Page): Promise<void> {
  await nav(page).getByRole('button', { name: 'Log out', exact: true }).click();
  await visible(nav(page).getByRole('link', { name: 'Log in', exact: true }));
  assert.equal(await page.getByTestId('current-username').count(), 0, 'no one is shown as signed in after logging out');
}

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  browser = session.browser;
});

after(() => session?.close());

void test('setup, sign-up, log in, profile and API keys in the browser', { timeout: 120_000 }, async () => {
  assert.ok(server && browser);
  const { baseUrl, setupLink } = server;
  const context = await browser.newContext({ baseURL: baseUrl });
  const pageErrors: string[] = [];
  const page = await watchedPage(context, pageErrors);

  // First-run setup creates the admin and signs them in.
  assert.ok(setupLink.startsWith(baseUrl), `setup link ${setupLink} points at this server`);
  await page.goto(setupLink);
  await visible(page.getByRole('heading', { name: 'Set up your community', level: 1 }));
  await page.getByLabel('Admin username').fill('ada_admin');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await visible(page.getByRole('heading', { name: 'Welcome, ada_admin', level: 1 }));
  assert.equal(await currentUsername(page), 'ada_admin');
  await visible(nav(page).getByRole('link', { name: 'Admin', exact: true }));
  assert.equal(new URL(page.url()).pathname, '/');

  // The setup link is single-use.
  await page.goto(setupLink);
  await visible(page.getByText('Setup is already complete'));
  await page.goto('/');
  await logOut(page);

  // A new member signs up after reading and accepting the guidelines.
  await nav(page).getByRole('link', { name: 'Sign up', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Create your account', level: 1 }));
  await page.getByLabel('Username').fill('bea_member');
  await page.getByLabel('Email').fill('bea@example.com');
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Display name').fill('Bea Member');
  await page.getByText('Read the community guidelines').click();
  await visible(page.getByText('Be kind.'));
  await page.getByLabel('I accept the community guidelines').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await visible(page.getByRole('heading', { name: 'Welcome, Bea Member', level: 1 }));
  assert.equal(await currentUsername(page), 'bea_member');
  assert.equal(await nav(page).getByRole('link', { name: 'Admin', exact: true }).count(), 0, 'members see no Admin link');
  await logOut(page);

  // Logging in: a wrong password is explained, the right one (with the email as login) signs in.
  await nav(page).getByRole('link', { name: 'Log in', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Log in', level: 1 }));
  await page.getByLabel('Username or email').fill('bea@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  const loginAlert = await visible(page.getByRole('alert').filter({ hasText: 'Wrong username, email or password' }));
  assert.ok(await loginAlert.isVisible());
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await visible(page.getByRole('heading', { name: 'Welcome, Bea Member', level: 1 }));
  assert.equal(await currentUsername(page), 'bea_member');

  // Editing the profile persists across a reload.
  await nav(page).getByRole('link', { name: 'Profile', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Your profile', level: 1 }));
  assert.equal(await page.getByLabel('Display name').inputValue(), 'Bea Member');
  await page.getByLabel('Display name').fill('Bea Renamed');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Profile saved.' }));
  await page.reload();
  await visible(page.getByRole('heading', { name: 'Your profile', level: 1 }));
  assert.equal(await page.getByLabel('Display name').inputValue(), 'Bea Renamed');
  assert.equal(await currentUsername(page), 'bea_member');

  // An API key is shown once, works, and is not shown again.
  await nav(page).getByRole('link', { name: 'API keys', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'API keys', level: 1 }));
  await visible(page.getByText('You have no API keys yet.'));
  await page.getByLabel('Key name').fill('Backup script');
  await page.getByLabel('Scope').selectOption('write');
  await page.getByRole('button', { name: 'Create key' }).click();
  await visible(page.getByRole('heading', { name: /Your new key “Backup script”/ }));
  await visible(page.getByText('This is the only time the key is shown'));
  const key = await page.getByLabel('New API key').inputValue();
  assert.match(key, /^hearth_\S{16,}$/);
  const row = await visible(page.getByRole('row').filter({ hasText: 'Backup script' }));
  const rowText = (await row.textContent()) ?? '';
  assert.ok(rowText.includes('write'), `row shows the scope: ${rowText}`);
  assert.ok(rowText.includes(key.slice(0, 'hearth_'.length + 6)), `row shows the key's prefix: ${rowText}`);
  const asKey = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(asKey.status, 200);
  assert.equal(((await asKey.json()) as { username: string }).username, 'bea_member');

  await page.getByRole('button', { name: 'I have saved the key' }).click();
  await page.reload();
  await visible(page.getByRole('row').filter({ hasText: 'Backup script' }));
  assert.equal(await page.getByLabel('New API key').count(), 0, 'the key is not shown after reload');
  assert.equal(await page.getByText(key).count(), 0);

  assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  await context.close();
});
