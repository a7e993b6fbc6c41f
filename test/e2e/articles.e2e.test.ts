// Browser flow for knowledge bases, announcements and scheduled publishing on the built app and a real
// server: the admin creates a knowledge base from the Spaces tab and writes an article with headings;
// its table of contents links to a heading; a member answers "Yes, helpful"; the admin marks it
// reviewed (the list shows it); the admin posts an announcement from the Publishing page, the member
// sees the banner and dismisses it by keyboard (still gone after a reload); the admin schedules a topic
// a few seconds ahead, runs the publisher once it is due, and the topic appears in its space.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nav, startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { createSpace, hasFocus, pageAs as signedInPage, setUpAdmin, signUpMember, type ApiMember } from '../support/e2e-members';

let session: BrowserSession | undefined;
let admin: ApiMember;
let mia: ApiMember;
let lounge: { id: number; slug: string };
const errors: string[] = [];

const ARTICLE = ['Welcome to the help center.', '', '## Install', '', 'Download it.', '', ...Array.from({ length: 40 }, (_, i) => `Step ${i + 1} of the long install.\n`), '## Configure', '', 'Edit the settings file.'].join('\n');

before(async () => {
  session = await startBrowserSession();
  admin = await setUpAdmin(session.server);
  mia = await signUpMember(session.server, 'mia_reads', 'Mia Reads');
  lounge = await createSpace(admin, 'Lounge', 'lounge', 'public');
});
after(() => session?.close());

const pageAs = (member: ApiMember) => signedInPage(session, errors, member);

void test('knowledge base, helpful answers, review, announcement banner, scheduled topic', { timeout: 240_000 }, async () => {
  // 1. The admin creates the knowledge base and writes an article with headings.
  const adminPage = (await pageAs(admin)).page;
  await adminPage.goto('/admin?tab=spaces');
  const form = await visible(adminPage.getByRole('form', { name: 'New space' }));
  await form.getByLabel('Name').fill('Help center');
  await form.getByLabel('Slug').fill('help-center');
  await form.getByLabel('Kind').selectOption('articles');
  await form.getByRole('button', { name: 'Create space' }).click();
  await adminPage.getByRole('link', { name: 'Help center' }).first().click();
  await visible(adminPage.getByRole('heading', { name: 'Help center', level: 1 }));
  await visible(adminPage.getByText('No articles here yet.'));
  await adminPage.getByRole('link', { name: 'Write an article' }).click();
  await adminPage.getByLabel('Title').fill('Getting started');
  await adminPage.getByLabel('Body').fill(ARTICLE);
  await adminPage.getByRole('button', { name: 'Create topic' }).click();
  await visible(adminPage.getByRole('heading', { name: 'Getting started', level: 1 }));
  const articlePath = new URL(adminPage.url()).pathname;

  // 2. The table of contents links to the headings.
  const toc = await visible(adminPage.getByRole('navigation', { name: 'Contents' }));
  assert.deepEqual(await toc.getByRole('link').allTextContents(), ['Install', 'Configure']);
  await toc.getByRole('link', { name: 'Configure' }).click();
  await adminPage.waitForFunction("window.location.hash === '#h-configure'");
  const heading = adminPage.locator('#h-configure');
  assert.equal(await heading.textContent(), 'Configure');
  // The heading was scrolled into view.
  await adminPage.waitForFunction("(() => { const box = document.getElementById('h-configure')?.getBoundingClientRect(); return box !== undefined && box.top >= 0 && box.top < window.innerHeight; })()");
  assert.equal(new URL(adminPage.url()).pathname, articlePath, 'following the contents stays on the article');
  // A malformed #fragment in a shared link does not break the article's panel.
  const pageErrors: string[] = [];
  adminPage.on('pageerror', (error) => pageErrors.push(error.message));
  await adminPage.goto('/');
  await adminPage.goto(`${articlePath}#%E0`);
  await visible(adminPage.getByRole('navigation', { name: 'Contents' }));
  assert.deepEqual(pageErrors, []);

  // 3. Mia finds the article in the knowledge base and answers "Yes, helpful".
  const miaPage = (await pageAs(mia)).page;
  await miaPage.goto('/');
  await miaPage.getByRole('complementary').getByRole('link', { name: 'Help center' }).click();
  const row = await visible(miaPage.getByTestId('article-row').filter({ hasText: 'Getting started' }));
  assert.match((await row.textContent()) ?? '', /Not reviewed yet/);
  assert.equal(await row.getByTestId('needs-review').count(), 0, 'members do not see the review badge');
  await row.getByRole('link', { name: 'Getting started' }).click();
  const helpful = await visible(miaPage.getByTestId('article-helpful'));
  await helpful.getByRole('button', { name: 'Yes' }).click();
  await visible(helpful.getByText('Thanks for your answer.'));
  await visible(helpful.getByRole('button', { name: 'Yes', pressed: true }));
  await visible(helpful.getByText('100% found it helpful (1 answer)'));

  // 4. The admin sees it needs review and marks it reviewed; the list shows the date and the share.
  await adminPage.goto(articlePath);
  const panel = await visible(adminPage.getByTestId('article-panel'));
  await visible(panel.getByText('Needs review'));
  await panel.getByRole('button', { name: 'Mark reviewed' }).click();
  await visible(panel.getByTestId('article-last-reviewed').filter({ hasText: `Last reviewed` }));
  assert.match((await panel.getByTestId('article-last-reviewed').textContent()) ?? '', /by ada_admin/);
  await adminPage.getByRole('link', { name: 'Help center' }).first().click();
  const reviewedRow = await visible(adminPage.getByTestId('article-row').filter({ hasText: 'Getting started' }));
  await visible(reviewedRow.getByTestId('article-reviewed').filter({ hasText: 'Last reviewed' }));
  assert.equal(await reviewedRow.getByTestId('needs-review').count(), 0);
  assert.match((await reviewedRow.getByTestId('article-helpful').textContent()) ?? '', /100% found it helpful/);

  // 5. The admin posts an announcement from the Publishing page.
  await nav(adminPage).getByRole('link', { name: 'Publishing' }).click();
  await visible(adminPage.getByRole('heading', { name: 'Publishing', level: 1 }));
  await adminPage.getByRole('tab', { name: 'Announcements' }).click();
  const post = await visible(adminPage.getByRole('form', { name: 'Post an announcement' }));
  await post.getByLabel('Title').fill('Maintenance on Sunday');
  await post.getByLabel('Text (Markdown)').fill('The forum is **read-only** from 10:00 to 11:00.');
  await post.getByRole('button', { name: 'Post announcement' }).click();
  await visible(adminPage.getByTestId('announcement-row').filter({ hasText: 'Maintenance on Sunday' }));

  // 6. Mia sees the banner and dismisses it with the keyboard; it stays gone after a reload.
  await miaPage.goto('/');
  const banner = await visible(miaPage.getByRole('region', { name: 'Maintenance on Sunday' }));
  await visible(banner.getByText('read-only'));
  const dismiss = banner.getByRole('button', { name: 'Dismiss announcement: Maintenance on Sunday' });
  await dismiss.focus();
  assert.ok(await hasFocus(dismiss));
  await miaPage.keyboard.press('Enter');
  await banner.waitFor({ state: 'detached' });
  await miaPage.reload();
  await visible(miaPage.getByRole('heading', { level: 1 }).first());
  await miaPage.waitForLoadState('networkidle');
  assert.equal(await miaPage.getByTestId('announcement').count(), 0, 'dismissed for good');

  // 7. The admin schedules a topic a few seconds ahead; once due, the publisher puts it in the space.
  await adminPage.getByRole('tab', { name: 'Scheduled' }).click();
  const schedule = await visible(adminPage.getByRole('form', { name: 'Schedule publishing' }));
  await schedule.getByLabel('What').selectOption('topic');
  await schedule.getByLabel('Space').selectOption({ label: 'Lounge' });
  await schedule.getByLabel('Title').fill('Weekly digest is out');
  await schedule.getByLabel('Text (Markdown)').fill('Here is what happened this week.');
  // The browser's wall clock four seconds from now, as a datetime-local value with seconds.
  const soon = await adminPage.evaluate<string>(
    "(() => { const at = new Date(Date.now() + 4000); const p = (n) => String(n).padStart(2, '0'); return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}T${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`; })()",
  );
  await schedule.getByLabel('Publish at').fill(soon);
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await visible(schedule.getByText('Scheduled "Weekly digest is out".'));
  const item = await visible(adminPage.getByTestId('scheduled-item').filter({ hasText: 'Weekly digest is out' }));
  assert.equal(await item.getByTestId('scheduled-status').textContent(), 'pending');

  await new Promise((resolve) => setTimeout(resolve, 5000));
  const run = await admin.client.post<{ published: number; failed: number }>('/api/scheduled/run');
  assert.equal(run.status, 200, run.text);
  assert.equal(run.body.failed, 0);
  await adminPage.getByRole('button', { name: 'Refresh' }).click();
  await visible(item.getByTestId('scheduled-status').filter({ hasText: 'published' }));
  await item.getByRole('link', { name: 'View topic' }).click();
  await visible(adminPage.getByRole('heading', { name: 'Weekly digest is out', level: 1 }));

  await miaPage.goto(`/s/${lounge.slug}/${lounge.id}`);
  await visible(miaPage.getByRole('link', { name: 'Weekly digest is out' }));
  assert.deepEqual(errors, []);
});
