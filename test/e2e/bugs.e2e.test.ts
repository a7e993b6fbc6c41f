// Browser flow for a bug tracker relayed to GitHub, on the built app and a real server, with a local
// fake GitHub API: the reporter files a bug through the "Report a bug" form; staff create its GitHub
// issue from the topic panel (GitHub fails twice first, so the panel shows "sync pending" until the job's
// retry lands); a signed webhook delivery built from the real sample payload (octokit/webhooks, MIT; see
// ../shared/samples/github/SOURCES.md) closes it; the reporter sees it closed and gets a notification,
// and so does a member who voted.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { createSpace, pageAs as signedInPage, setUpAdmin, signUpMember, type ApiMember } from '../support/e2e-members';
import { deliver, issuePayload, startFakeGitHub, type FakeGitHub } from '../support/github';

const SECRET = 'e2e webhook secret';
const REPO = 'Codertocat/Hello-World';

let session: BrowserSession | undefined;
let github: FakeGitHub | undefined;
let admin: ApiMember;
let rita: ApiMember;
let vic: ApiMember;
const errors: string[] = [];

before(async () => {
  github = await startFakeGitHub();
  session = await startBrowserSession({ GITHUB_WEBHOOK_SECRET: SECRET, GITHUB_TOKEN: 'e2e-token', GITHUB_API_URL: github.url, OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  admin = await setUpAdmin(session.server);
  rita = await signUpMember(session.server, 'rita_reports', 'Rita Reports');
  vic = await signUpMember(session.server, 'vic_votes', 'Vic Votes');
});
after(async () => {
  await session?.close();
  await github?.close();
});

const pageAs = (member: ApiMember) => signedInPage(session, errors, member);

void test('bug report: form, GitHub issue with sync pending, webhook closes it, reporter notified', { timeout: 240_000 }, async () => {
  assert.ok(session && github);
  const tracker = await createSpace(admin, 'Product bugs', 'product-bugs', 'public', 'bugs');

  // 1. Rita opens the bug tracker and reports a bug through the template form.
  const ritaPage = (await pageAs(rita)).page;
  await ritaPage.goto(`/s/${tracker.slug}/${tracker.id}`);
  await visible(ritaPage.getByRole('heading', { name: 'Product bugs', level: 1 }));
  await visible(ritaPage.getByRole('tab', { name: 'Open' }));
  await ritaPage.getByRole('link', { name: 'Report a bug' }).click();
  const form = await visible(ritaPage.getByRole('form', { name: 'Report a bug' }));
  await form.getByLabel('Title').fill('Search forgets the query');
  await form.getByLabel('Steps to reproduce').fill('1. Search for "hearth"\n2. Open a result\n3. Go back');
  await form.getByLabel('Expected behaviour').fill('The query is still there');
  await form.getByLabel('Actual behaviour').fill('The search box is empty');
  await form.getByLabel('Version').fill('0.1.0');
  await form.getByRole('button', { name: 'Report bug' }).click();
  await visible(ritaPage.getByRole('heading', { name: 'Search forgets the query', level: 1 }));
  const topicPath = new URL(ritaPage.url()).pathname;
  const topicId = Number(topicPath.split('/').pop());
  await visible(ritaPage.getByTestId('bug-panel').getByTestId('bug-status').filter({ hasText: 'Open' }));
  await visible(ritaPage.getByRole('heading', { name: 'Steps to reproduce' }));
  assert.equal((await vic.client.post(`/api/bug-reports/${topicId}/vote`)).status, 200);

  // 2. The admin creates the GitHub issue from the topic panel; GitHub answers 503 twice first.
  github.failNext(2, 503);
  const adminPage = (await pageAs(admin)).page;
  await adminPage.goto(topicPath);
  const panel = await visible(adminPage.getByTestId('github-panel'));
  await panel.getByText('Staff: GitHub issue').click();
  const create = panel.getByRole('form', { name: 'Create a GitHub issue' });
  await create.getByLabel('Repository').fill(REPO);
  await create.getByRole('button', { name: 'Create issue' }).click();
  await visible(panel.getByTestId('github-sync').filter({ hasText: 'sync pending' }));
  const badge = panel.getByTestId('github-badge').filter({ hasText: `GitHub ${REPO}#` });
  await badge.waitFor({ state: 'visible', timeout: 30_000 });
  await panel.getByTestId('github-sync').waitFor({ state: 'detached', timeout: 30_000 });
  const issueNumber = Number(/#(\d+)/.exec((await badge.textContent()) ?? '')?.[1]);
  assert.ok(issueNumber > 0);
  assert.equal(github.calls.filter((c) => c.body.title === 'Search forgets the query').length, 3);

  // The bug tracker lists it with its GitHub badge.
  await ritaPage.goto(`/s/${tracker.slug}/${tracker.id}`);
  const row = await visible(ritaPage.getByTestId('bug-row').filter({ hasText: 'Search forgets the query' }));
  await visible(row.getByTestId('github-badge').filter({ hasText: `${REPO}#${issueNumber}` }));

  // 3. GitHub's webhook says the issue was closed (the sample payload, signed over the exact bytes).
  const delivery = await deliver(session.server.baseUrl, issuePayload('closed', issueNumber, REPO), { secret: SECRET });
  assert.equal(delivery.status, 200);
  assert.deepEqual(delivery.body?.topicIds, [topicId]);

  // 4. Rita sees it closed, in the Closed tab, and finds the notification.
  await ritaPage.goto(topicPath);
  await visible(ritaPage.getByTestId('bug-panel').getByTestId('bug-status').filter({ hasText: 'Closed' }));
  await ritaPage.goto(`/s/${tracker.slug}/${tracker.id}`);
  await ritaPage.getByRole('tab', { name: 'Closed' }).click();
  await visible(ritaPage.getByTestId('bug-row').filter({ hasText: 'Search forgets the query' }));
  await ritaPage.goto('/notifications');
  await visible(ritaPage.getByText(`"Search forgets the query" was closed after its GitHub issue ${REPO}#${issueNumber} was closed.`));
  const vicNotices = await vic.client.get<{ items: { type: string; notice: { text: string } | null }[] }>('/api/notifications');
  assert.ok(vicNotices.body.items.some((n) => n.type === 'notice' && n.notice?.text.includes('Search forgets the query')), 'the voter is told too');

  assert.deepEqual(errors, []);
});
