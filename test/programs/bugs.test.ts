// Bug reports and the GitHub relay over real HTTP: the report template, lists, votes, staff status
// changes with notices, linking reports and ideas to issues on a local fake GitHub, retries with
// backoff ("sync pending"), comments on status changes, the admin settings, and the signed webhook fed
// with the real sample payload (../shared/samples/github, octokit/webhooks, MIT).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, type Space, type TopicDetail } from '../discussions/helpers';
import { deliver, issuePayload, sign, startFakeGitHub, type FakeGitHub } from '../support/github';
import { PRUNE_DELIVERIES_QUEUE } from '../../src/server/features/programs/bugs';

interface Link {
  repo: string;
  issueNumber: number | null;
  url: string | null;
  issueState: string | null;
  syncState: string;
  lastError: string | null;
}
interface BugReport {
  topicId: number;
  spaceId: number;
  title: string;
  reporter: { id: number } | null;
  steps: string;
  expected: string;
  actual: string;
  version: string;
  status: string;
  votes: number;
  voted: boolean;
  github: Link | null;
}
interface Notice {
  type: string;
  title: string;
  notice: { text: string; url: string | null } | null;
}

const SECRET = 'webhook-secret-for-tests';
const REPO = 'Codertocat/Hello-World';

let server: TestServer;
let github: FakeGitHub;
let admin: TestMember;
let moderator: TestMember;
let reporter: TestMember;
let voter: TestMember;
let follower: TestMember;
let bystander: TestMember;
let bugs: Space;
let ideas: Space;
let plain: Space;
let hidden: Space;

const report = (over: Record<string, unknown> = {}) => ({ spaceId: bugs.id, title: 'Saving a draft loses the text', steps: '1. Write\n2. Save', expected: 'The draft is kept', actual: 'It is gone', version: '1.2.3', ...over });

async function newReport(over: Record<string, unknown> = {}): Promise<BugReport> {
  const reply = await reporter.client.post<BugReport>('/api/bug-reports', report(over));
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

async function notices(member: TestMember): Promise<Notice[]> {
  const reply = await member.client.get<{ items: Notice[] }>('/api/notifications?limit=50');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items.filter((n) => n.type === 'notice');
}

async function linkOf(topicId: number): Promise<Link | null> {
  const reply = await reporter.client.get<{ link: Link | null }>(`/api/topics/${topicId}/github-link`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.link;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  github = await startFakeGitHub();
  // The token comes from the environment; the webhook secret from the admin settings (set below).
  server = await startTestServer({ env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url, OUTBOUND_ALLOW_HOSTS: '127.0.0.1' } });
  admin = await createMember(server, 'admin');
  moderator = await createMember(server, 'moderator');
  reporter = await createMember(server);
  voter = await createMember(server);
  follower = await createMember(server);
  bystander = await createMember(server);
  bugs = await createSpace(admin.client, 'public', { kind: 'bugs' });
  ideas = await createSpace(admin.client, 'public', { kind: 'ideas' });
  plain = await createSpace(admin.client);
  hidden = await createSpace(admin.client, 'private', { kind: 'bugs' });
});

after(async () => {
  await server.close();
  await github.close();
});

describe('admin settings for GitHub', () => {
  test('401, 403 for moderators, 400 bad repo; secrets are write-only; env wins', async () => {
    assertError(await server.client().get('/api/admin/github'), 401, 'unauthorized');
    assertError(await moderator.client.get('/api/admin/github'), 403, 'forbidden');
    assertError(await moderator.client.put('/api/admin/github', { defaultRepo: REPO }), 403, 'forbidden');
    assertError(await admin.client.put('/api/admin/github', { defaultRepo: 'not a repo' }), 400, 'invalid_request');
    assertError(await admin.client.put('/api/admin/github', {}), 400, 'invalid_request');
    const before = await admin.client.get<Record<string, unknown>>('/api/admin/github');
    assert.equal(before.status, 200);
    assert.deepEqual({ ...before.body, apiUrl: null }, { defaultRepo: null, webhookSecretSet: false, webhookSecretSource: null, tokenSet: true, tokenSource: 'environment', apiUrl: null, webhookPath: '/api/integrations/github/webhook' });
    const unsigned = await deliver(server.url, issuePayload('closed'), { secret: SECRET });
    assert.equal(unsigned.status, 401, 'no secret configured yet: every delivery is refused');
    assert.ok(server.logs.some((l) => l.msg === 'GitHub webhook delivery refused' && l.reason === 'no webhook secret is configured'));
    const set = await admin.client.put<Record<string, unknown>>('/api/admin/github', { webhookSecret: SECRET, token: 'stored-token', defaultRepo: REPO });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.webhookSecretSource, 'settings');
    assert.equal(set.body.tokenSource, 'environment', 'GITHUB_TOKEN wins over the stored token');
    assert.equal(set.body.defaultRepo, REPO);
    assert.ok(!set.text.includes(SECRET) && !set.text.includes('stored-token'), 'secrets never come back');
    const audit = await admin.client.get('/api/admin/audit?action=github.settings');
    assert.ok(!audit.text.includes(SECRET), 'the audit log names no secret');
  });
});

describe('bug reports', () => {
  test('POST /api/bug-reports: 401, 400, 404 private, 409 other kinds, 201 with the template as Markdown', async () => {
    assertError(await server.client().post('/api/bug-reports', report()), 401, 'unauthorized');
    assertError(await reporter.client.post('/api/bug-reports', report({ steps: undefined })), 400, 'invalid_request');
    assertError(await reporter.client.post('/api/bug-reports', report({ version: '' })), 400, 'invalid_request');
    assertError(await reporter.client.post('/api/bug-reports', report({ spaceId: hidden.id })), 404, 'not_found');
    assertError(await reporter.client.post('/api/bug-reports', report({ spaceId: plain.id })), 409, 'not_bugs_space');
    const created = await newReport({ steps: '1. Open <script>alert(1)</script>\n2. Save' });
    assert.equal(created.status, 'open');
    assert.equal(created.reporter?.id, reporter.id);
    assert.equal(created.version, '1.2.3');
    assert.equal(created.github, null);
    const topic = await reporter.client.get<TopicDetail>(`/api/topics/${created.topicId}`);
    const first = topic.body.posts[0];
    assert.ok(first?.body.includes('### Steps to reproduce') && first.body.includes('### Expected behaviour') && first.body.includes('### Version\n1.2.3'), first?.body);
    assert.ok(first && !first.html.includes('<script'), 'the Markdown is sanitized');
    const search = await reporter.client.get<{ items: { topicId: number }[] }>('/api/search?q=draft');
    assert.ok(search.status === 200, search.text);
  });

  test('a report moderation holds answers 202 with the reason, and stays hidden until approved', async () => {
    assert.equal((await admin.client.patch('/api/admin/settings', { reviewFirstPosts: true })).status, 200);
    try {
      const newcomer = await createMember(server);
      const held = await newcomer.client.post<{ status: string; topicId: number; reason: { source: string } }>('/api/bug-reports', report({ title: 'Held bug report' }));
      assert.equal(held.status, 202, held.text);
      assert.equal(held.body.status, 'held');
      assert.equal(held.body.reason.source, 'first_post');
      assertError(await reporter.client.get(`/api/bug-reports/${held.body.topicId}`), 404, 'not_found');
      const list = await reporter.client.get<{ items: BugReport[] }>(`/api/spaces/${bugs.id}/bug-reports`);
      assert.ok(!list.body.items.some((r) => r.title === 'Held bug report'));
    } finally {
      await admin.client.patch('/api/admin/settings', { reviewFirstPosts: false });
    }
  });

  test('GET a report and a space\'s list: 404 unknown or private, 409 not a bugs space, open/closed filter', async () => {
    const created = await newReport({ title: 'Listed bug report' });
    assertError(await reporter.client.get('/api/bug-reports/999999'), 404, 'not_found');
    const plainTopic = await createTopic(admin.client, plain.id);
    assertError(await reporter.client.get(`/api/bug-reports/${plainTopic.id}`), 404, 'not_found');
    const got = await server.client().get<BugReport>(`/api/bug-reports/${created.topicId}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.title, 'Listed bug report');
    assertError(await reporter.client.get(`/api/spaces/${hidden.id}/bug-reports`), 404, 'not_found');
    assertError(await reporter.client.get(`/api/spaces/${plain.id}/bug-reports`), 409, 'not_bugs_space');
    assertError(await reporter.client.get(`/api/spaces/${bugs.id}/bug-reports?status=fixed`), 400, 'invalid_request');
    const open = await reporter.client.get<{ items: BugReport[] }>(`/api/spaces/${bugs.id}/bug-reports?status=open`);
    assert.ok(open.body.items.some((r) => r.topicId === created.topicId));
    const closed = await reporter.client.get<{ items: BugReport[] }>(`/api/spaces/${bugs.id}/bug-reports?status=closed`);
    assert.ok(!closed.body.items.some((r) => r.topicId === created.topicId));
    const firstPage = await reporter.client.get<{ items: BugReport[]; nextCursor: string | null }>(`/api/spaces/${bugs.id}/bug-reports?limit=1`);
    assert.equal(firstPage.body.items.length, 1);
    assert.ok(firstPage.body.nextCursor);
    const second = await reporter.client.get<{ items: BugReport[] }>(`/api/spaces/${bugs.id}/bug-reports?limit=1&cursor=${firstPage.body.nextCursor}`);
    assert.notEqual(second.body.items[0]?.topicId, firstPage.body.items[0]?.topicId);
  });

  test('votes: 401, once per member, taken back', async () => {
    const created = await newReport();
    assertError(await server.client().post(`/api/bug-reports/${created.topicId}/vote`), 401, 'unauthorized');
    assertError(await voter.client.post('/api/bug-reports/999999/vote'), 404, 'not_found');
    assert.deepEqual((await voter.client.post(`/api/bug-reports/${created.topicId}/vote`)).body, { topicId: created.topicId, votes: 1, voted: true });
    assert.deepEqual((await voter.client.post(`/api/bug-reports/${created.topicId}/vote`)).body, { topicId: created.topicId, votes: 1, voted: true });
    assert.deepEqual((await voter.client.request('DELETE', `/api/bug-reports/${created.topicId}/vote`)).body, { topicId: created.topicId, votes: 0, voted: false });
  });

  test('staff close and reopen: 401, 403, 400; reporter, voters and followers are told, not who muted or the rest', async () => {
    const created = await newReport({ title: 'Closing bug' });
    await voter.client.post(`/api/bug-reports/${created.topicId}/vote`);
    assert.equal((await follower.client.put(`/api/topics/${created.topicId}/notification-level`, { level: 'watching' })).status, 200);
    const path = `/api/bug-reports/${created.topicId}/status`;
    assertError(await server.client().put(path, { status: 'closed' }), 401, 'unauthorized');
    assertError(await reporter.client.put(path, { status: 'closed' }), 403, 'forbidden');
    assertError(await moderator.client.put(path, { status: 'fixed' }), 400, 'invalid_request');
    assertError(await moderator.client.put('/api/bug-reports/999999/status', { status: 'closed' }), 404, 'not_found');
    const closed = await moderator.client.put<BugReport>(path, { status: 'closed', comment: 'Fixed in 1.2.4' });
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.body.status, 'closed');
    for (const member of [reporter, voter, follower]) {
      const mine = (await notices(member)).filter((n) => n.title === 'Bug report closed' && n.notice?.text.includes('Closing bug'));
      assert.equal(mine.length, 1, `${member.username} is told once`);
      assert.match(mine[0]?.notice?.text ?? '', /Fixed in 1\.2\.4/);
    }
    assert.ok(!(await notices(bystander)).some((n) => n.notice?.text.includes('Closing bug')));
    const again = await moderator.client.put<BugReport>(path, { status: 'closed' });
    assert.equal(again.status, 200);
    assert.equal((await notices(reporter)).filter((n) => n.notice?.text.includes('Closing bug')).length, 1, 'the same status tells nobody again');
    const reopened = await moderator.client.put<BugReport>(path, { status: 'open' });
    assert.equal(reopened.body.status, 'open');
    assert.ok((await notices(voter)).some((n) => n.title === 'Bug report reopened' && n.notice?.text.includes('Closing bug')));
  });
});

describe('GitHub links', () => {
  test('401, 403, 404, 409 not_linkable, 400 bad URL; link, read, unlink', async () => {
    const created = await newReport();
    const path = `/api/topics/${created.topicId}/github-link`;
    const url = 'https://github.com/Codertocat/Hello-World/issues/7';
    assertError(await server.client().put(path, { url }), 401, 'unauthorized');
    assertError(await reporter.client.put(path, { url }), 403, 'forbidden');
    assertError(await moderator.client.put('/api/topics/999999/github-link', { url }), 404, 'not_found');
    const plainTopic = await createTopic(admin.client, plain.id);
    assertError(await moderator.client.put(`/api/topics/${plainTopic.id}/github-link`, { url }), 409, 'not_linkable');
    assertError(await moderator.client.put(path, { url: 'https://gitlab.com/a/b/issues/1' }), 400, 'invalid_request', 'url');
    assertError(await moderator.client.put(path, { url, create: true }), 400, 'invalid_request');
    const linked = await moderator.client.put<{ link: Link }>(path, { url });
    assert.equal(linked.status, 200, linked.text);
    assert.deepEqual(linked.body.link, { repo: REPO, issueNumber: 7, url, issueState: null, syncState: 'synced', lastError: null });
    assert.equal((await reporter.client.get<BugReport>(`/api/bug-reports/${created.topicId}`)).body.github?.issueNumber, 7);
    assertError(await reporter.client.request('DELETE', path), 403, 'forbidden');
    assert.equal((await moderator.client.request('DELETE', path)).status, 204);
    assert.equal(await linkOf(created.topicId), null);
    assertError(await moderator.client.request('DELETE', path), 404, 'not_found');
  });

  test('create an issue through the API (default repo, the token), for bug reports and ideas', async () => {
    const created = await newReport({ title: 'Created upstream' });
    const calls = github.calls.length;
    const reply = await moderator.client.put<{ link: Link }>(`/api/topics/${created.topicId}/github-link`, { create: true });
    assert.equal(reply.status, 200, reply.text);
    const call = github.calls[calls];
    assert.equal(call?.path, `/repos/${REPO}/issues`);
    assert.equal(call?.authorization, 'Bearer test-token');
    assert.equal(call?.body.title, 'Created upstream');
    assert.match(String(call?.body.body), /### Steps to reproduce[\s\S]*Reported on Hearth: http/);
    assert.equal(reply.body.link.syncState, 'synced');
    assert.equal(reply.body.link.issueState, 'open');
    assert.match(reply.body.link.url ?? '', new RegExp(`^${github.url}/${REPO}/issues/\\d+$`));
    const idea = await createTopic(reporter.client, ideas.id, 'An idea body', 'An idea for GitHub');
    const ideaLink = await moderator.client.put<{ link: Link }>(`/api/topics/${idea.id}/github-link`, { create: true, repo: 'octo/ideas' });
    assert.equal(ideaLink.status, 200, ideaLink.text);
    assert.equal(github.calls.at(-1)?.path, '/repos/octo/ideas/issues');
  });

  test('GitHub refusing (4xx) answers 502 and keeps no link; 5xx is retried by the job while the link shows sync pending', async () => {
    const refused = await newReport();
    github.failNext(1, 422);
    assertError(await moderator.client.put(`/api/topics/${refused.topicId}/github-link`, { create: true }), 502, 'github_failed');
    assert.equal(await linkOf(refused.topicId), null);

    const flaky = await newReport({ title: 'Flaky upstream' });
    github.failNext(2, 503);
    const reply = await moderator.client.put<{ link: Link }>(`/api/topics/${flaky.topicId}/github-link`, { create: true });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.link.syncState, 'pending');
    assert.equal(reply.body.link.issueNumber, null);
    assert.match(reply.body.link.lastError ?? '', /503/);
    const seenByReporter = (await reporter.client.get<BugReport>(`/api/bug-reports/${flaky.topicId}`)).body.github;
    assert.equal(seenByReporter?.syncState, 'pending');
    assert.doesNotMatch(seenByReporter?.lastError ?? '', /503/, 'the error itself (it may name internal hosts) is for staff');
    const synced = await until('the retried issue', () => linkOf(flaky.topicId), (l) => l?.syncState === 'synced');
    assert.ok(synced?.issueNumber && synced.issueNumber > 0);
    assert.equal(github.calls.filter((c) => c.body.title === 'Flaky upstream').length, 3, 'one call, then two by the job (one failed, one retried)');
  });

  test('a status change comments on the linked issue; an idea\'s new status too', async () => {
    const created = await newReport({ title: 'Commented upstream' });
    const linked = await moderator.client.put<{ link: Link }>(`/api/topics/${created.topicId}/github-link`, { create: true });
    const number = linked.body.link.issueNumber;
    github.failNext(1, 500);
    await moderator.client.put(`/api/bug-reports/${created.topicId}/status`, { status: 'closed', comment: 'Shipped' });
    const comment = await until('the comment', async () => github.calls.filter((c) => c.path === `/repos/${REPO}/issues/${number}/comments` && c.body.body !== undefined), (list) => list.length >= 2);
    assert.match(String(comment[1]?.body.body), /now \*\*closed\*\*[\s\S]*Shipped/);
    await until('synced again', () => linkOf(created.topicId), (l) => l?.syncState === 'synced');

    const idea = await createTopic(reporter.client, ideas.id, 'Idea text', 'Idea with an issue');
    const ideaLink = await moderator.client.put<{ link: Link }>(`/api/topics/${idea.id}/github-link`, { create: true });
    const status = await moderator.client.put(`/api/ideas/${idea.id}/status`, { status: 'planned', comment: 'Next quarter' });
    assert.equal(status.status, 200, status.text);
    const ideaComment = await until('the idea comment', async () => github.calls.filter((c) => c.path === `/repos/${REPO}/issues/${ideaLink.body.link.issueNumber}/comments`), (l) => l.length >= 1);
    assert.match(String(ideaComment[0]?.body.body), /idea on Hearth is now \*\*planned\*\*[\s\S]*Next quarter/);
  });
});

describe('webhook', () => {
  test('missing or wrong signatures: 401, logged, nothing changes', async () => {
    const created = await newReport();
    await moderator.client.put(`/api/topics/${created.topicId}/github-link`, { url: `https://github.com/${REPO}/issues/101` });
    const body = issuePayload('closed', 101);
    const missing = await deliver(server.url, body, { signature: null });
    assert.equal(missing.status, 401);
    assert.equal(missing.body?.error?.code, 'invalid_signature');
    assert.equal((await deliver(server.url, body, { secret: 'wrong secret' })).status, 401);
    assert.equal((await deliver(server.url, body, { signature: sign(SECRET, issuePayload('closed', 102)) })).status, 401, 'a signature of other bytes');
    assert.equal((await reporter.client.get<BugReport>(`/api/bug-reports/${created.topicId}`)).body.status, 'open');
    assert.ok(server.logs.some((l) => l.msg === 'GitHub webhook delivery refused' && l.reason === 'signature missing'));
  });

  test('ping 200, other events 202, unknown issues 202, bad JSON 400', async () => {
    const ping = await deliver(server.url, Buffer.from('{"zen":"Keep it logically awesome."}'), { secret: SECRET, event: 'ping' });
    assert.equal(ping.status, 200);
    const comment = await deliver(server.url, issuePayload('created'), { secret: SECRET, event: 'issue_comment' });
    assert.equal(comment.status, 202);
    assert.equal(comment.body?.status, 'ignored');
    const unknown = await deliver(server.url, issuePayload('closed', 424242), { secret: SECRET });
    assert.equal(unknown.status, 202);
    assert.equal(unknown.body?.status, 'ignored');
    const form = Buffer.from(`payload=${encodeURIComponent(issuePayload('closed', 424243).toString('utf8'))}`);
    const formReply = await deliver(server.url, form, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
    assert.equal(formReply.status, 202, 'form-encoded deliveries are read too');
    assert.match(JSON.stringify(formReply.body), /424243/);
    const bad = Buffer.from('{"action": "closed", ');
    assert.equal((await deliver(server.url, bad, { secret: SECRET })).status, 400);
    assert.equal((await deliver(server.url, Buffer.from('{"action":"closed"}'), { secret: SECRET })).status, 400, 'not an issues payload');
    assert.equal((await deliver(server.url, issuePayload('closed', 99_999_999_999), { secret: SECRET })).status, 400, 'an issue number past integer range');
    assert.equal((await deliver(server.url, issuePayload('closed', -3), { secret: SECRET })).status, 400, 'a negative issue number');
  });

  test('the sample payload closes the linked report and notifies its reporter, voters and followers; redeliveries are ignored; reopened reopens', async () => {
    const created = await newReport({ title: 'Closed from GitHub' });
    await voter.client.post(`/api/bug-reports/${created.topicId}/vote`);
    await follower.client.put(`/api/topics/${created.topicId}/notification-level`, { level: 'tracking' });
    await moderator.client.put(`/api/topics/${created.topicId}/github-link`, { url: `https://github.com/${REPO}/issues/55` });
    const body = issuePayload('closed', 55);
    const deliveryId = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
    const closed = await deliver(server.url, body, { secret: SECRET, deliveryId });
    assert.equal(closed.status, 200);
    assert.deepEqual(closed.body, { status: 'processed', message: `${REPO}#55 closed`, topicIds: [created.topicId] });
    const read = await reporter.client.get<BugReport>(`/api/bug-reports/${created.topicId}`);
    assert.equal(read.body.status, 'closed');
    assert.equal(read.body.github?.issueState, 'closed');
    for (const member of [reporter, voter, follower]) {
      const mine = (await notices(member)).filter((n) => n.notice?.text.includes('Closed from GitHub'));
      assert.equal(mine.length, 1, member.username);
      assert.match(mine[0]?.notice?.text ?? '', /GitHub issue Codertocat\/Hello-World#55 was closed/);
      assert.match(mine[0]?.notice?.url ?? '', new RegExp(`/t/[^/]+/${created.topicId}$`));
    }
    assert.ok(!(await notices(bystander)).some((n) => n.notice?.text.includes('Closed from GitHub')));
    const redelivered = await deliver(server.url, body, { secret: SECRET, deliveryId });
    assert.equal(redelivered.status, 200);
    assert.equal(redelivered.body?.status, 'duplicate');
    assert.equal((await notices(voter)).filter((n) => n.notice?.text.includes('Closed from GitHub')).length, 1);
    const reopened = await deliver(server.url, issuePayload('reopened', 55), { secret: SECRET });
    assert.equal(reopened.status, 200);
    assert.equal((await reporter.client.get<BugReport>(`/api/bug-reports/${created.topicId}`)).body.status, 'open');
    const labeled = await deliver(server.url, issuePayload('labeled', 55), { secret: SECRET });
    assert.equal(labeled.status, 202);
  });
});

describe('review fixes', () => {
  test('a signed delivery replayed under a new X-GitHub-Delivery (or none) changes nothing', async () => {
    const created = await newReport({ title: 'Replayed from GitHub' });
    await moderator.client.put(`/api/topics/${created.topicId}/github-link`, { url: `https://github.com/${REPO}/issues/66` });
    const body = issuePayload('closed', 66);
    assert.equal((await deliver(server.url, body, { secret: SECRET })).body?.status, 'processed');
    const reopened = await moderator.client.put<BugReport>(`/api/bug-reports/${created.topicId}/status`, { status: 'open' });
    assert.equal(reopened.status, 200, reopened.text);
    const replayed = await deliver(server.url, body, { secret: SECRET, deliveryId: 'a-new-id-from-an-attacker' });
    assert.equal(replayed.status, 200);
    assert.equal(replayed.body?.status, 'duplicate');
    assert.equal((await reporter.client.get<BugReport>(`/api/bug-reports/${created.topicId}`)).body.status, 'open');
  });

  test('an event older than the deliveries remembered (30 days) is refused by age; a daily job forgets older deliveries', async () => {
    const created = await newReport({ title: 'Stale event from GitHub' });
    await moderator.client.put(`/api/topics/${created.topicId}/github-link`, { url: `https://github.com/${REPO}/issues/68` });
    const old = issuePayload('closed', 68, REPO, new Date(Date.now() - 31 * 86_400_000));
    const stale = await deliver(server.url, old, { secret: SECRET });
    assert.equal(stale.status, 202);
    assert.equal(stale.body?.status, 'ignored');
    assert.match(stale.body?.message ?? '', /more than 30 days old/);
    assert.equal((await reporter.client.get<BugReport>(`/api/bug-reports/${created.topicId}`)).body.status, 'open');
    const recent = issuePayload('closed', 68, REPO, new Date(Date.now() - 29 * 86_400_000));
    assert.equal((await deliver(server.url, recent, { secret: SECRET })).body?.status, 'processed', 'a month-old redelivery is still applied');

    const db = server.runtime.ctx.database.db;
    await db.insertInto('github_deliveries').values([
      { delivery_id: 'forgotten-delivery', event: 'issues', received_at: new Date(Date.now() - 40 * 86_400_000) },
      { delivery_id: 'kept-delivery', event: 'issues', received_at: new Date(Date.now() - 20 * 86_400_000) },
    ]).execute();
    await server.runtime.ctx.jobs.send(PRUNE_DELIVERIES_QUEUE, {});
    const deadline = Date.now() + 30_000;
    const left = async () => (await db.selectFrom('github_deliveries').select('delivery_id').where('delivery_id', 'in', ['forgotten-delivery', 'kept-delivery']).execute()).map((r) => r.delivery_id);
    while ((await left()).includes('forgotten-delivery') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(await left(), ['kept-delivery']);
  });

  test('status notices (staff and GitHub) skip members who can no longer see the private space', async () => {
    const group = await admin.client.post<{ id: number }>('/api/groups', { name: `bugsinner_${Date.now().toString(36)}` });
    assert.equal(group.status, 201, group.text);
    const insider = await createMember(server);
    const leaver = await createMember(server);
    for (const m of [insider, leaver]) assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: m.username })).status, 204);
    const inner = await createSpace(admin.client, 'private', { kind: 'bugs' });
    const grant = await admin.client.put(`/api/spaces/${inner.id}/permissions`, { grants: [{ groupId: group.body.id, canSee: true, canPost: true, canReply: true }] });
    assert.equal(grant.status, 200, grant.text);
    const made = await insider.client.post<BugReport>('/api/bug-reports', report({ spaceId: inner.id, title: 'Private bug with a leaver' }));
    assert.equal(made.status, 201, made.text);
    const topicId = made.body.topicId;
    assert.equal((await leaver.client.post(`/api/bug-reports/${topicId}/vote`)).status, 200);
    assert.equal((await admin.client.delete(`/api/groups/${group.body.id}/members/${leaver.id}`)).status, 204);
    assertError(await leaver.client.get(`/api/bug-reports/${topicId}`), 404, 'not_found');
    await moderator.client.put(`/api/topics/${topicId}/github-link`, { url: `https://github.com/${REPO}/issues/67` });
    assert.equal((await deliver(server.url, issuePayload('closed', 67), { secret: SECRET })).body?.status, 'processed');
    assert.equal((await moderator.client.put(`/api/bug-reports/${topicId}/status`, { status: 'open' })).status, 200);
    const about = (n: Notice) => n.notice?.text.includes('Private bug with a leaver') === true;
    assert.equal((await notices(insider)).filter(about).length, 2, 'the reporter hears of both changes');
    assert.equal((await notices(leaver)).filter(about).length, 0, 'the title of a private topic reaches no one outside');
  });
});
