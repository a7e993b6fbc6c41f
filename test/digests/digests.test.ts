// Email digests, notification emails while away, email preferences and the signed one-click unsubscribe,
// over real HTTP. Mail is written to the log (no SMTP) except in the last block, which uses a real SMTP
// server on loopback to see the headers as they leave. "now" is passed in, so nothing sleeps.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { runCommand } from '../../src/server/cli/commands';
import { digestEmail } from '../../src/server/features/digests/digests.presenter';
import { createModerationNotices } from '../../src/server/features/moderation';
import { isDigestDue, readUnsubscribeToken, unsubscribeToken } from '../../src/server/features/digests/digests.rules';
import type { DigestNotificationRow, DigestTopicRow } from '../../src/server/features/digests/digests.store';
import { assertError, createSpace, createTopic, type Space } from '../discussions/helpers';
import type { Client } from '../support/client';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface Preferences {
  digestFrequency: 'never' | 'daily' | 'weekly';
  notifyWhenAway: boolean;
  lastDigestAt: string | null;
  email: string;
  mailEnabled: boolean;
}

interface LoggedMail {
  subject: string;
  headers: Record<string, string>;
  text: string;
}

const later = (from: Date, ms: number): Date => new Date(from.getTime() + ms);
const put = (client: Client, path: string, body: unknown, options: { noCsrf?: boolean } = {}) => client.request('PUT', path, { body, ...options });

/** The token in a List-Unsubscribe header or an /unsubscribe link. */
function tokenIn(text: string): string {
  const match = /unsubscribe\?token=([A-Za-z0-9_.%-]+)/.exec(text);
  assert.ok(match?.[1], `an unsubscribe link in ${text}`);
  return decodeURIComponent(match[1]);
}

describe('digests with mail written to the log', () => {
  let server: TestServer;
  let admin: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let carol: TestMember;
  let dave: TestMember;
  let gina: TestMember;
  let space: Space;
  let hiddenSpace: Space;
  let now: Date;

  const db = () => server.runtime.ctx.database.db;
  const digests = () => server.runtime.services.digests.digests;

  /** Seen `hoursAgo` before `at` (null: never seen), joined a month before. */
  async function lastSeen(member: TestMember, hoursAgo: number | null, at = new Date()): Promise<void> {
    await db()
      .updateTable('members')
      .set({ last_seen_at: hoursAgo === null ? null : new Date(at.getTime() - hoursAgo * HOUR), joined_at: new Date(at.getTime() - 30 * DAY) })
      .where('id', '=', member.id)
      .execute();
  }

  const mailsTo = (member: TestMember): LoggedMail[] =>
    server.logs.flatMap((line) => {
      const mail = line.mail as { to?: unknown; subject?: unknown; headers?: Record<string, string> } | undefined;
      if (mail?.to !== member.email || typeof line.msg !== 'string') return [];
      return [{ subject: String(mail.subject), headers: mail.headers ?? {}, text: line.msg }];
    });

  const digestsTo = (member: TestMember): LoggedMail[] => mailsTo(member).filter((m) => m.subject.includes('summary'));

  async function preferencesOf(member: TestMember): Promise<Preferences> {
    const reply = await member.client.get<Preferences>('/api/me/email-preferences');
    assert.equal(reply.status, 200, reply.text);
    return reply.body;
  }

  before(async () => {
    // No job workers: the hourly schedule must not race the runs these tests make with their own "now".
    server = await startTestServer({ env: { HEARTH_JOBS: 'false' } });
    [admin, alice, bob, carol, dave] = await Promise.all([createMember(server, 'admin'), createMember(server), createMember(server), createMember(server), createMember(server)]);
    space = await createSpace(admin.client, 'public');
    hiddenSpace = await createSpace(admin.client, 'private');
  });
  after(() => server.close());

  test('GET /api/me/email-preferences: 401 signed out; weekly digests and notification emails by default', async () => {
    assertError(await server.client().get('/api/me/email-preferences'), 401, 'unauthorized');
    const prefs = await preferencesOf(alice);
    assert.deepEqual(prefs, { digestFrequency: 'weekly', notifyWhenAway: true, lastDigestAt: null, email: alice.email, mailEnabled: false });
  });

  test('PUT /api/me/email-preferences: 401, 403 without CSRF, 400 on bad input, 415 for form bodies, 200 saves', async () => {
    assertError(await put(server.client(), '/api/me/email-preferences', { digestFrequency: 'daily', notifyWhenAway: true }), 401, 'unauthorized');
    assertError(await put(dave.client, '/api/me/email-preferences', { digestFrequency: 'never', notifyWhenAway: true }, { noCsrf: true }), 403, 'csrf_failed');
    assertError(await put(dave.client, '/api/me/email-preferences', { digestFrequency: 'hourly', notifyWhenAway: true }), 400, 'invalid_request', 'digestFrequency');
    assertError(await put(dave.client, '/api/me/email-preferences', { digestFrequency: 'daily' }), 400, 'invalid_request', 'notifyWhenAway');
    assertError(await put(dave.client, '/api/me/email-preferences', { digestFrequency: 'daily', notifyWhenAway: true, lastDigestAt: null }), 400, 'invalid_request', 'lastDigestAt');
    const form = await dave.client.request('PUT', '/api/me/email-preferences', { raw: 'digestFrequency=never&notifyWhenAway=false', headers: FORM });
    assertError(form, 415, 'unsupported_media_type');
    const readOnly = await createApiKey(dave, 'read');
    assertError(await dave.client.request('PUT', '/api/me/email-preferences', { body: { digestFrequency: 'never', notifyWhenAway: false }, apiKey: readOnly.key }), 403, 'insufficient_scope');

    const saved = await put(dave.client, '/api/me/email-preferences', { digestFrequency: 'never', notifyWhenAway: false });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body, { digestFrequency: 'never', notifyWhenAway: false, lastDigestAt: null, email: dave.email, mailEnabled: false });
    assert.equal((await preferencesOf(dave)).digestFrequency, 'never');
    assert.equal((await preferencesOf(alice)).digestFrequency, 'weekly', 'others keep theirs');
  });

  test('the run mails an away member their unread notifications and new topics, never a private space they cannot see', async () => {
    await createTopic(bob.client, space.id, `Hello @${alice.username}, what do you think?`, 'Bob asks Alice');
    await createTopic(admin.client, space.id, 'Everyone welcome', 'A public announcement');
    await createTopic(admin.client, hiddenSpace.id, 'Staff only', 'The secret staff plan');
    now = new Date();
    await Promise.all([lastSeen(alice, 72, now), lastSeen(carol, 0, now), lastSeen(dave, 72, now), lastSeen(bob, 0, now), lastSeen(admin, 0, now)]);

    const report = await digests().sendDue(now);
    assert.ok(report.sent >= 1, JSON.stringify(report));

    const mails = digestsTo(alice);
    assert.equal(mails.length, 1, 'one digest for the away member');
    const mail = mails[0];
    assert.ok(mail);
    assert.match(mail.subject, /weekly summary: 1 notification, 2 new topics/);
    assert.ok(mail.text.includes(`@${bob.username} mentioned you in “Bob asks Alice”`), mail.text);
    assert.ok(mail.text.includes('A public announcement'));
    assert.ok(mail.text.includes('/t/'), 'links to the topics');
    assert.ok(!mail.text.includes('secret staff plan'), 'a private space the member cannot see never appears');
    assert.ok(mail.text.includes(`${server.runtime.ctx.config.publicUrl}/unsubscribe?token=`), 'the unsubscribe page is linked');

    assert.equal(digestsTo(carol).length, 0, 'an active member gets none');
    assert.equal(digestsTo(dave).length, 0, 'a member with digests set to never gets none');
    assert.equal(digestsTo(bob).length, 0);
    const prefs = await preferencesOf(alice);
    assert.equal(prefs.lastDigestAt, now.toISOString(), 'the digest is recorded as sent');
  });

  test('every digest carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) headers', () => {
    const mail = digestsTo(alice)[0];
    assert.ok(mail);
    assert.equal(mail.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    const header = mail.headers['List-Unsubscribe'] ?? '';
    assert.match(header, new RegExp(`^<${server.runtime.ctx.config.publicUrl}/api/email/unsubscribe\\?token=[^>]+>$`));
    assert.equal(tokenIn(header), tokenIn(mail.text), 'the header and the link carry the same token');
  });

  test('the run is idempotent: nothing is sent twice within the period, and the next digest covers only what is new', async () => {
    await digests().sendDue(now);
    await digests().sendDue(later(now, 1000));
    await digests().sendDue(later(now, 6 * DAY));
    assert.equal(digestsTo(alice).length, 1, 'a weekly digest waits a week');

    // Both at once (two processes, or a retry racing the schedule): one mail.
    await createTopic(bob.client, space.id, 'Round two', 'Second week news');
    const nextWeek = later(now, 7 * DAY + HOUR);
    await Promise.all([digests().sendDue(nextWeek), digests().sendDue(nextWeek)]);
    const mails = digestsTo(alice);
    assert.equal(mails.length, 2);
    const second = mails[1]?.text ?? '';
    assert.ok(second.includes('Second week news'));
    assert.ok(!second.includes('A public announcement') && !second.includes('mentioned you'), 'what the first digest had is not repeated');
  });

  test('nothing new, no email (and the member stays due)', async () => {
    const farAway = later(now, 60 * DAY);
    const before = digestsTo(alice).length;
    await digests().sendDue(farAway);
    assert.equal(digestsTo(alice).length, before);
    assert.equal((await preferencesOf(alice)).lastDigestAt, later(now, 7 * DAY + HOUR).toISOString(), 'an empty digest is not recorded');
  });

  test('a program notice (an event reminder) reaches the digest with its own text and link', async () => {
    const sendAt = later(now, 61 * DAY);
    await lastSeen(alice, 72, sendAt);
    await createModerationNotices(server.runtime.ctx).send([
      { memberId: alice.id, type: 'notice', title: 'Starts in 24 hours', text: 'Repair café at the library', url: '/events/7', at: later(now, 30 * DAY) },
    ]);
    const before = digestsTo(alice).length;
    await digests().sendDue(sendAt);
    const mails = digestsTo(alice);
    assert.equal(mails.length, before + 1);
    const text = mails.at(-1)?.text ?? '';
    assert.ok(text.includes('Starts in 24 hours: Repair café at the library'), text);
    assert.ok(text.includes(`${server.runtime.ctx.config.publicUrl}/events/7`), text);
  });

  test('daily digests are due after a day; the CLI dry run lists them without sending', async () => {
    gina = await createMember(server);
    assert.equal((await put(gina.client, '/api/me/email-preferences', { digestFrequency: 'daily', notifyWhenAway: true })).status, 200);
    const start = new Date();
    await createTopic(bob.client, space.id, 'For the daily readers', 'Daily news');
    await lastSeen(gina, 48, start);
    const output = await runCommand(server.runtime, { command: 'digests.send', args: { dryRun: true } });
    assert.match(output[0] ?? '', /^Dry run/);
    assert.ok(output.some((line) => line.startsWith(`${gina.username}\tdaily`)), output.join('\n'));
    assert.equal(digestsTo(gina).length, 0, 'a dry run sends nothing');

    await digests().sendDue(start);
    assert.equal(digestsTo(gina).length, 1);
    assert.match(digestsTo(gina)[0]?.subject ?? '', /daily summary/);
    await createTopic(bob.client, space.id, 'Next day', 'Daily news two');
    await digests().sendDue(later(start, 12 * HOUR));
    assert.equal(digestsTo(gina).length, 1, 'not twice in a day');
    await digests().sendDue(later(start, DAY));
    assert.equal(digestsTo(gina).length, 2);
  });

  test('GET /api/email/unsubscribe describes the link and changes nothing; bad tokens are 400', async () => {
    const token = tokenIn(digestsTo(alice)[0]?.text ?? '');
    const preview = await server.client().get(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`);
    assert.equal(preview.status, 200, preview.text);
    assert.deepEqual(preview.body, { purpose: 'digest', username: alice.username, subscribed: true });
    assert.equal((await preferencesOf(alice)).digestFrequency, 'weekly', 'a GET (a mail scanner) unsubscribes nobody');
    assertError(await server.client().get('/api/email/unsubscribe'), 400, 'invalid_request', 'token');
    assertError(await server.client().get(`/api/email/unsubscribe?token=${encodeURIComponent(`${token}x`)}`), 400, 'invalid_token', 'token');
  });

  test('POST /api/email/unsubscribe: forged, repurposed or missing tokens are 400', async () => {
    const token = tokenIn(digestsTo(alice)[0]?.text ?? '');
    const [value = '', signature = ''] = token.split('.');
    const forged = [
      `${value}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      `${bob.id}-digest.${signature}`,
      `${alice.id}-notifications.${signature}`,
      unsubscribeToken('a secret that is not the server secret at all', alice.id, 'digest'),
      'not-a-token',
    ];
    for (const bad of forged) {
      assertError(await server.client().post('/api/email/unsubscribe', { token: bad }), 400, 'invalid_token', 'token');
      assertError(await server.client().request('POST', `/api/email/unsubscribe?token=${encodeURIComponent(bad)}`, { raw: 'List-Unsubscribe=One-Click', headers: FORM }), 400, 'invalid_token');
    }
    assertError(await server.client().post('/api/email/unsubscribe', {}), 400, 'invalid_request', 'token');
    assertError(await server.client().post('/api/email/unsubscribe', { token: 'x'.repeat(201) }), 400, 'invalid_request', 'token');
    assert.equal((await preferencesOf(alice)).digestFrequency, 'weekly');
  });

  test('one-click: the form POST a mail client sends to the List-Unsubscribe URL turns digests off, with no session', async () => {
    const mail = digestsTo(alice)[0];
    const url = /^<([^>]+)>$/.exec(mail?.headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const path = url.slice(server.runtime.ctx.config.publicUrl.length);
    const reply = await server.client().request('POST', path, { raw: 'List-Unsubscribe=One-Click', headers: FORM });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.body, { purpose: 'digest', unsubscribed: true });
    assert.equal((await preferencesOf(alice)).digestFrequency, 'never');
    const again = await server.client().request('POST', path, { raw: 'List-Unsubscribe=One-Click', headers: FORM });
    assert.equal(again.status, 200, 'repeating it is harmless');

    // Due again, with news to tell: still nothing.
    await db().updateTable('email_preferences').set({ last_digest_at: null }).where('member_id', '=', alice.id).execute();
    await createTopic(bob.client, space.id, 'After unsubscribing', 'Nobody should mail this');
    const before = digestsTo(alice).length;
    const henry = await createMember(server);
    await lastSeen(henry, 72);
    const report = await digests().sendDue(new Date(), { dryRun: true });
    assert.ok(report.planned.some((p) => p.username === henry.username), 'a member still subscribed would get one');
    assert.ok(!report.planned.some((p) => p.username === alice.username));
    await digests().sendDue(new Date());
    assert.equal(digestsTo(alice).length, before, 'no digest after unsubscribing');
  });

  test('a signed-in browser may unsubscribe with the JSON body and no CSRF token (the token is the credential)', async () => {
    const token = tokenIn(digestsTo(gina)[0]?.text ?? '');
    const reply = await gina.client.request('POST', '/api/email/unsubscribe', { body: { token }, noCsrf: true });
    assert.equal(reply.status, 200, reply.text);
    assert.equal((await preferencesOf(gina)).digestFrequency, 'never');
    assert.equal((await preferencesOf(gina)).notifyWhenAway, true, 'a digest link leaves notification emails alone');
  });

  test('notification emails while away: mentions reach away members who want them, with their own unsubscribe', async () => {
    const [erin, frank] = await Promise.all([createMember(server), createMember(server)]);
    const at = new Date();
    await createTopic(bob.client, space.id, `@${erin.username} and @${frank.username}, please look`, 'Calling two people');
    const ids = async (member: TestMember) =>
      (await db().selectFrom('notifications').select('id').where('member_id', '=', member.id).where('type', '=', 'mention').execute()).map((r) => r.id);
    const [erinNote] = await ids(erin);
    const [frankNote] = await ids(frank);
    assert.ok(erinNote && frankNote);

    await lastSeen(erin, 0, at);
    assert.equal(await digests().sendAwayNotification(erinNote, at), false, 'not while they are around');
    await lastSeen(erin, 2, at);
    assert.equal(await digests().sendAwayNotification(erinNote, at), true);
    const mail = mailsTo(erin).at(-1);
    assert.ok(mail);
    assert.match(mail.subject, /mentioned you in “Calling two people”/);
    assert.equal(mail.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');

    assert.equal((await put(frank.client, '/api/me/email-preferences', { digestFrequency: 'weekly', notifyWhenAway: false })).status, 200);
    await lastSeen(frank, 2, at);
    assert.equal(await digests().sendAwayNotification(frankNote, at), false, 'not when turned off');

    const token = tokenIn(mail.headers['List-Unsubscribe'] ?? '');
    assert.equal(readUnsubscribeToken('x'.repeat(32), token), undefined);
    const off = await server.client().post('/api/email/unsubscribe', { token });
    assert.deepEqual(off.body, { purpose: 'notifications', unsubscribed: true });
    const prefs = await preferencesOf(erin);
    assert.equal(prefs.notifyWhenAway, false);
    assert.equal(prefs.digestFrequency, 'weekly', 'a notification link leaves the digest alone');
    assert.equal(await digests().sendAwayNotification(erinNote, at), false);
  });

  test('POST /api/admin/digests/send: 401, 403 for members, 202 with a job for admins', async () => {
    assertError(await server.client().post('/api/admin/digests/send'), 401, 'unauthorized');
    assertError(await bob.client.post('/api/admin/digests/send'), 403, 'forbidden');
    const reply = await admin.client.post<{ jobId: string }>('/api/admin/digests/send');
    assert.equal(reply.status, 202, reply.text);
    assert.match(reply.body.jobId, /^[0-9a-f-]{36}$/);
  });
});

describe('digest rules and presenter', () => {
  test('isDigestDue: frequency, period and away', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const cases: [Parameters<typeof isDigestDue>[0], boolean, string][] = [
      [{ frequency: 'weekly', lastDigestAt: null, lastPresentAt: ago(2 * DAY) }, true, 'first digest, away'],
      [{ frequency: 'weekly', lastDigestAt: null, lastPresentAt: ago(HOUR) }, false, 'around'],
      [{ frequency: 'never', lastDigestAt: null, lastPresentAt: ago(30 * DAY) }, false, 'never'],
      [{ frequency: 'weekly', lastDigestAt: ago(6 * DAY), lastPresentAt: ago(30 * DAY) }, false, 'within the week'],
      [{ frequency: 'weekly', lastDigestAt: ago(7 * DAY), lastPresentAt: ago(30 * DAY) }, true, 'a week on'],
      [{ frequency: 'daily', lastDigestAt: ago(23 * HOUR), lastPresentAt: ago(30 * DAY) }, false, 'within the day'],
      [{ frequency: 'daily', lastDigestAt: ago(DAY), lastPresentAt: ago(30 * DAY) }, true, 'a day on'],
      [{ frequency: 'daily', lastDigestAt: ago(2 * DAY), lastPresentAt: ago(23 * HOUR) }, false, 'seen within the away threshold'],
    ];
    for (const [member, expected, label] of cases) assert.equal(isDigestDue(member, now, 24), expected, label);
  });

  test('tokens round-trip only with the same secret and purpose', () => {
    const secret = 's'.repeat(40);
    const token = unsubscribeToken(secret, 42, 'notifications');
    assert.deepEqual(readUnsubscribeToken(secret, token), { memberId: 42, purpose: 'notifications' });
    assert.equal(readUnsubscribeToken(`${secret}!`, token), undefined);
    assert.equal(readUnsubscribeToken(secret, token.replace('notifications', 'digest')), undefined);
    assert.equal(readUnsubscribeToken(secret, ''), undefined);
  });

  test('the HTML digest escapes member-written text', () => {
    const at = new Date();
    const notification = { id: 1, type: 'reply', count: 1, emoji: null, created_at: at, topic_id: 5, slug: 'x', title: '<img src=x onerror=alert(1)>', post_number: 2, actor_username: 'bob' } as unknown as DigestNotificationRow;
    const topic = { id: 6, slug: 'y', title: 'Tom & "Jerry"', reply_count: 0, created_at: at, space_name: '<b>Space</b>', html: '<p>Hi &amp; <script>x</script></p>', author_username: 'eve' } as unknown as DigestTopicRow;
    const email = digestEmail({
      siteName: 'Site <One>', publicUrl: 'https://example.com', unsubscribeUrl: 'https://example.com/unsubscribe?token=a"b', username: 'ann', frequency: 'weekly', notifications: [notification], topics: [topic],
    });
    assert.ok(!email.html.includes('<img') && !email.html.includes('<b>Space') && !email.html.includes('Site <One>'), email.html);
    assert.ok(email.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(email.html.includes('Tom &amp; &quot;Jerry&quot;'));
    assert.ok(email.html.includes('token=a&quot;b'));
    assert.ok(email.text.includes('https://example.com/t/x/5#post-2'));
  });
});

interface ReceivedMail {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

describe('digests through SMTP, with HEARTH_SECRET set', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const secret = 'a configured secret of more than thirty-two characters';

  before(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HEARTH_SECRET: secret } });
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  test('the digest leaves through the mail job with both unsubscribe headers and an HTML part', async () => {
    const [admin, member] = await Promise.all([createMember(server, 'admin'), createMember(server)]);
    const space = await createSpace(admin.client, 'public');
    await createTopic(admin.client, space.id, 'Body', 'News by SMTP');
    const now = new Date();
    await server.runtime.ctx.database.db.updateTable('members').set({ last_seen_at: new Date(now.getTime() - 3 * DAY), joined_at: new Date(now.getTime() - 30 * DAY) }).where('id', '=', member.id).execute();
    assert.equal((await server.runtime.services.digests.digests.sendDue(now)).sent, 1);

    const deadline = Date.now() + 15_000;
    let mail: ReceivedMail | undefined;
    while (!(mail = smtp.mails.find((m) => m.to.includes(member.email)))) {
      if (Date.now() > deadline) assert.fail('no digest arrived by SMTP within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    assert.match(head, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const header = /^List-Unsubscribe: (.+)$/m.exec(head)?.[1] ?? '';
    assert.match(header, /^<http:\/\/127\.0\.0\.1:\d+\/api\/email\/unsubscribe\?token=[^>]+>$/);
    assert.match(mail.raw, /Content-Type: text\/html/);
    assert.deepEqual(readUnsubscribeToken(secret, tokenIn(header)), { memberId: member.id, purpose: 'digest' }, 'signed with HEARTH_SECRET');

    const reply = await server.client().request('POST', `/api/email/unsubscribe?token=${encodeURIComponent(tokenIn(header))}`, { raw: 'List-Unsubscribe=One-Click', headers: FORM });
    assert.equal(reply.status, 200, reply.text);
  });
});
