// Sign-ups that need approval (approveSignups, off by default): the new account waits in the review
// queue and cannot sign in; approving opens it, refusing closes it for good, and the applicant is told by email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError } from '../discussions/helpers';
import { Sse } from '../discussions/sse';
import { createMember, PASSWORD, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface Item {
  id: number;
  kind: string;
  status: string;
  member: { id: number; username: string | null };
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;

async function signUpPending(): Promise<{ id: number; username: string }> {
  const username = uniqueName('new');
  const reply = await server.client().post<{ id: number; csrfToken: string | null; approvalRequired: boolean }>('/api/users', {
    username, email: `${username}@example.com`, password: PASSWORD, acceptGuidelines: true,
  });
  assert.equal(reply.status, 201, reply.text);
  assert.equal(reply.body.approvalRequired, true);
  assert.equal(reply.body.csrfToken, null, 'no session before approval');
  return { id: reply.body.id, username };
}

/** Mail "sent" to an address: without SMTP, each message is a log line. */
const mailsTo = (email: string): string[] =>
  server.logs.filter((line) => (line.mail as { to?: unknown } | undefined)?.to === email && typeof line.msg === 'string').map((line) => line.msg as string);

const signupItem = async (memberId: number): Promise<Item | undefined> =>
  (await moderator.client.get<{ items: Item[] }>('/api/moderation/queue?kind=signup')).body.items.find((i) => i.member.id === memberId);

describe('sign-up approval', () => {
  before(async () => {
    server = await startTestServer();
    admin = await createMember(server, 'admin');
    moderator = await createMember(server, 'moderator');
  });
  after(() => server.close());

  test('off by default: a sign-up is signed in at once and nothing waits', async () => {
    const username = uniqueName('open');
    const reply = await server.client().post<{ approvalRequired: boolean; csrfToken: string | null }>('/api/users', { username, email: `${username}@example.com`, password: PASSWORD, acceptGuidelines: true });
    assert.equal(reply.body.approvalRequired, false);
    assert.ok(reply.body.csrfToken);
  });

  test('on: the account waits in the queue; approving lets it sign in, refusing keeps it out', async () => {
    assert.equal((await admin.client.patch('/api/admin/settings', { approveSignups: true })).status, 200);
    const staffStream = await Sse.open(server.url, moderator);
    const approved = await signUpPending();
    const refused = await signUpPending();
    assertError(await server.client().post('/api/session', { login: approved.username, password: PASSWORD }), 403, 'account_pending');

    const first = await signupItem(approved.id);
    assert.ok(first, 'the sign-up is in the queue');
    // A moderator with the queue open hears of it at once.
    await staffStream.next('review.changed', (d) => d.itemId === first.id && d.kind === 'signup' && d.change === 'added');
    staffStream.close();
    const decided = await moderator.client.post<Item>(`/api/moderation/queue/${first.id}/decision`, { action: 'approve', reason: 'Looks like a real person' });
    assert.equal(decided.body.status, 'approved', decided.text);
    assert.equal((await server.client().post('/api/session', { login: approved.username, password: PASSWORD })).status, 200);
    const welcome = mailsTo(`${approved.username}@example.com`);
    assert.equal(welcome.length, 1, 'the applicant is told by email');
    assert.match(welcome[0] ?? '', /approved your sign-up/);
    assert.match(welcome[0] ?? '', /\/login/);

    const second = await signupItem(refused.id);
    assert.ok(second);
    await moderator.client.post(`/api/moderation/queue/${second.id}/decision`, { action: 'reject', reason: 'Spam account' });
    assertError(await server.client().post('/api/session', { login: refused.username, password: PASSWORD }), 403, 'account_suspended');
    const refusal = mailsTo(`${refused.username}@example.com`);
    assert.equal(refusal.length, 1);
    assert.match(refusal[0] ?? '', /did not approve your sign-up/);
    assert.match(refusal[0] ?? '', /The reason given: Spam account/);
    const audit = await server.runtime.ctx.database.db.selectFrom('audit_log').select('action').where('target_id', '=', String(refused.id)).execute();
    assert.ok(audit.some((a) => a.action === 'review.reject'));
  });
});
