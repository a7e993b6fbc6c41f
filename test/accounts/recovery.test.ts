// Password resets and email confirmation: first with emails written to the log (no SMTP), then through
// a real SMTP server on loopback, where mail leaves through the mail.send job.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { PASSWORD, createMember, signUp, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { ErrorBody, MeBody } from '../support/bodies';

const NEW_PASSWORD = 'fresh start passphrase';

async function sessionCount(server: TestServer, memberId: number): Promise<number> {
  const row = await server.runtime.ctx.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function liveTokenCount(server: TestServer, memberId: number, purpose: 'password_reset' | 'email_confirmation'): Promise<number> {
  const row = await server.runtime.ctx.database.db
    .selectFrom('one_time_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function tokenIn(text: string, path: '/reset-password' | '/confirm-email'): string | undefined {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function login(server: TestServer, loginName: string, password: string) {
  return server.client().post<ErrorBody & { member: MeBody; csrfToken: string }>('/api/session', { login: loginName, password });
}

describe('without SMTP: links are written to the log', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** Messages "sent" to an address: log lines that carry the mail. */
  const mailsTo = (email: string): string[] =>
    server.logs
      .filter((line) => (line.mail as { to?: unknown } | undefined)?.to === email && typeof line.msg === 'string')
      .map((line) => line.msg as string);

  function resetTokenFor(member: TestMember): string {
    const mails = mailsTo(member.email);
    const token = tokenIn(mails[mails.length - 1] ?? '', '/reset-password');
    assert.ok(token, `a reset link was logged for ${member.email}`);
    return token;
  }

  test('POST /api/password-resets answers 202 alike for known and unknown emails; only the account gets a link', async () => {
    const member = await createMember(server);
    const unknown = `${uniqueName('nobody')}@example.com`;
    const replies = [];
    for (const email of [member.email, member.email.toUpperCase(), unknown]) {
      const reply = await server.client().post('/api/password-resets', { email });
      assert.equal(reply.status, 202, reply.text);
      replies.push(reply);
    }
    for (const reply of replies) assert.deepEqual(reply.body, { status: 'accepted' });
    assert.equal(new Set(replies.map((r) => r.text)).size, 1, 'byte-identical answers');
    assert.equal(new Set(replies.map((r) => r.headers.get('content-type'))).size, 1);

    const mails = mailsTo(member.email);
    assert.equal(mails.length, 2, 'one link per request, also for a differently cased address');
    for (const mail of mails) {
      assert.match(mail, /Reset your Hearth password|reset the password/);
      assert.ok(mail.includes(member.username));
      assert.ok(tokenIn(mail, '/reset-password'));
    }
    assert.equal(mailsTo(unknown).length, 0);
    assert.ok(!server.logs.some((line) => JSON.stringify(line).includes(unknown)), 'the unknown address is not even logged');
    assert.equal(await liveTokenCount(server, member.id, 'password_reset'), 2);
  });

  test('an invalid reset request is 400 invalid_request on field email', async () => {
    // (Few requests: the route allows 10 an hour per address.)
    for (const body of [{ email: 'not-an-email' }, { email: 'a@example.com', username: 'a' }]) {
      const reply = await server.client().post<ErrorBody>('/api/password-resets', body);
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, 'username' in body ? 'username' : 'email');
    }
  });

  test('the emailed token sets a new password once: old password fails, new works, sessions end', async () => {
    const member = await createMember(server);
    const second = server.client();
    assert.equal((await second.post('/api/session', { login: member.username, password: PASSWORD })).status, 200);
    for (const client of [member.client, second]) assert.equal((await client.get('/api/me')).status, 200);

    assert.equal((await server.client().post('/api/password-resets', { email: member.email })).status, 202);
    const token = resetTokenFor(member);

    const missing = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'invalid_request');
    assert.equal(missing.body.error.field, 'password');
    const weak = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token, password: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.code, 'weak_password');
    assert.equal(weak.body.error.field, 'password');
    assert.equal(await liveTokenCount(server, member.id, 'password_reset'), 1, 'a refused password does not use up the link');

    const reply = await server.client().post('/api/password-resets/confirm', { token, password: NEW_PASSWORD });
    assert.equal(reply.status, 204, reply.text);

    for (const client of [member.client, second]) {
      const ended = await client.get<ErrorBody>('/api/me');
      assert.equal(ended.status, 401, 'every session ends at once');
      assert.equal(ended.body.error.code, 'unauthorized');
    }
    assert.equal(await sessionCount(server, member.id), 0);
    assert.equal((await login(server, member.username, PASSWORD)).status, 401);
    const fresh = await login(server, member.username, NEW_PASSWORD);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.member.id, member.id);

    const again = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token, password: 'yet another passphrase' });
    assert.equal(again.status, 400, 'the link works once');
    assert.equal(again.body.error.code, 'invalid_token');
    assert.equal(again.body.error.field, 'token');
    assert.equal((await login(server, member.username, NEW_PASSWORD)).status, 200);

    const audit = await server.runtime.ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'account.passwordReset')
      .where('target_id', '=', String(member.id))
      .execute();
    assert.deepEqual(audit, [{ actor_id: member.id }]);
  });

  test('using one reset link retires the member\'s other open links', async () => {
    const member = await createMember(server);
    assert.equal((await server.client().post('/api/password-resets', { email: member.email })).status, 202);
    const first = resetTokenFor(member);
    assert.equal((await server.client().post('/api/password-resets', { email: member.email })).status, 202);
    const second = resetTokenFor(member);
    assert.notEqual(first, second);
    assert.equal((await server.client().post('/api/password-resets/confirm', { token: second, password: NEW_PASSWORD })).status, 204);
    const stale = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token: first, password: 'another good passphrase' });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error.code, 'invalid_token');
    assert.equal((await login(server, member.username, NEW_PASSWORD)).status, 200);
  });

  test('unknown, malformed and expired tokens are refused', async () => {
    const unknown = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token: 'x'.repeat(43), password: NEW_PASSWORD });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'invalid_token');
    assert.equal(unknown.body.error.field, 'token');
    const short = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token: 'abc', password: NEW_PASSWORD });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.code, 'invalid_request');
    assert.equal(short.body.error.field, 'token');

    const member = await createMember(server);
    assert.equal((await server.client().post('/api/password-resets', { email: member.email })).status, 202);
    const token = resetTokenFor(member);
    await server.runtime.ctx.database.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('member_id', '=', member.id)
      .where('purpose', '=', 'password_reset')
      .execute();
    const expired = await server.client().post<ErrorBody>('/api/password-resets/confirm', { token, password: NEW_PASSWORD });
    assert.equal(expired.status, 400);
    assert.equal(expired.body.error.code, 'invalid_token');
    assert.equal((await login(server, member.username, PASSWORD)).status, 200, 'the password is unchanged');
  });

  test('email confirmation needs no link without SMTP: resend is a silent 202, confirm refuses unknown tokens', async () => {
    const member = await signUp(server);
    const me = await member.client.get<MeBody>('/api/me');
    assert.equal(me.body.emailConfirmed, true);
    assert.equal(me.body.trustLevel, 0, 'trust is earned by taking part, not by confirming an email');
    const resend = await server.client().post('/api/email-confirmations/resend', { email: member.email });
    assert.equal(resend.status, 202);
    assert.deepEqual(resend.body, { status: 'accepted' });
    assert.equal(mailsTo(member.email).length, 0);
    assert.equal(await liveTokenCount(server, member.id, 'email_confirmation'), 0);
    const confirm = await server.client().post<ErrorBody>('/api/email-confirmations/confirm', { token: 'y'.repeat(43) });
    assert.equal(confirm.status, 400);
    assert.equal(confirm.body.error.code, 'invalid_token');
  });
});

interface ReceivedMail {
  to: string[];
  subject: string;
  from: string;
  text: string;
}

/** Decodes the single text part nodemailer sends (7bit, quoted-printable or base64). */
function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') {
    body = decodeURIComponent(body.replace(/=\r?\n/g, '').replace(/%/g, '%25').replace(/=([0-9A-F]{2})/gi, '%$1'));
  } else if (encoding === 'base64') {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { to, subject: headers.get('subject') ?? '', from: headers.get('from') ?? '', text: body.replace(/\r\n/g, '\n') };
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
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

describe('with SMTP: mail goes out through the job queue', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: TestMember;

  before(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    admin = await createMember(server, 'admin');
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  /** Waits (up to 15 s) for the n-th message to an address that matches the subject. */
  async function waitForMail(to: string, subject: RegExp, count = 1): Promise<ReceivedMail> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const matching = smtp.mails.filter((m) => m.to.includes(to) && subject.test(m.subject));
      const mail = matching[count - 1];
      if (mail) return mail;
      if (Date.now() > deadline) assert.fail(`no mail #${count} to ${to} matching ${String(subject)} within 15 s (got ${smtp.mails.length} in all)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function confirmationToken(to: string, count = 1): Promise<string> {
    const mail = await waitForMail(to, /^Confirm your email/, count);
    const token = tokenIn(mail.text, '/confirm-email');
    assert.ok(token, `a /confirm-email?token= link in: ${mail.text}`);
    return token;
  }

  test('the site says it delivers email', async () => {
    const site = await server.client().get<{ emailDelivery: boolean }>('/api/site');
    assert.equal(site.body.emailDelivery, true);
  });

  test('sign-up mails a confirmation link; the member stays at trust level 0 until confirming, then rises to 1', async () => {
    const member = await signUp(server);
    const created = await member.client.get<MeBody>('/api/me');
    assert.equal(created.status, 200, 'without the confirmation setting, the member is signed in at once');
    assert.equal(created.body.trustLevel, 0);
    assert.equal(created.body.emailConfirmed, false);

    const mail = await waitForMail(member.email, /^Confirm your email for Hearth$/);
    assert.deepEqual(mail.to, [member.email]);
    assert.match(mail.from, /hearth@localhost/);
    assert.match(mail.text, /valid for 72 hours/);
    const token = tokenIn(mail.text, '/confirm-email');
    assert.ok(token);

    const confirmed = await server.client().post('/api/email-confirmations/confirm', { token });
    assert.equal(confirmed.status, 204, confirmed.text);
    const me = await member.client.get<MeBody>('/api/me');
    assert.equal(me.body.emailConfirmed, true, 'the signed-in member sees the change at once');
    assert.equal(me.body.trustLevel, 0);
    const identity = await server.runtime.ctx.database.db
      .selectFrom('identities')
      .select('verified')
      .where('member_id', '=', member.id)
      .where('platform', '=', 'hearth')
      .executeTakeFirstOrThrow();
    assert.equal(identity.verified, true);

    const again = await server.client().post<ErrorBody>('/api/email-confirmations/confirm', { token });
    assert.equal(again.status, 400);
    assert.equal(again.body.error.code, 'invalid_token');
    assert.equal(again.body.error.field, 'token');
  });

  test('confirm: 400 invalid_request for a missing or short token, invalid_token for an unknown one', async () => {
    for (const [body, code] of [[{}, 'invalid_request'], [{ token: 'short' }, 'invalid_request'], [{ token: 'z'.repeat(43) }, 'invalid_token']] as const) {
      const reply = await server.client().post<ErrorBody>('/api/email-confirmations/confirm', body);
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, code);
      assert.equal(reply.body.error.field, 'token');
    }
  });

  test('resend mails a fresh link and retires the old one; it is silent for unknown and confirmed addresses', async () => {
    const member = await signUp(server);
    const first = await confirmationToken(member.email);
    const resend = await server.client().post('/api/email-confirmations/resend', { email: member.email.toUpperCase() });
    assert.equal(resend.status, 202);
    assert.deepEqual(resend.body, { status: 'accepted' });
    const second = await confirmationToken(member.email, 2);
    assert.notEqual(first, second);

    const stale = await server.client().post<ErrorBody>('/api/email-confirmations/confirm', { token: first });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error.code, 'invalid_token');
    assert.equal((await member.client.get<MeBody>('/api/me')).body.emailConfirmed, false);
    assert.equal((await server.client().post('/api/email-confirmations/confirm', { token: second })).status, 204);
    assert.equal((await member.client.get<MeBody>('/api/me')).body.emailConfirmed, true);

    const tokensBefore = await server.runtime.ctx.database.db.selectFrom('one_time_tokens').select('id').where('purpose', '=', 'email_confirmation').execute();
    for (const email of [member.email, `${uniqueName('nobody')}@example.com`]) {
      const reply = await server.client().post('/api/email-confirmations/resend', { email });
      assert.equal(reply.status, 202);
      assert.deepEqual(reply.body, { status: 'accepted' });
    }
    const tokensAfter = await server.runtime.ctx.database.db.selectFrom('one_time_tokens').select('id').where('purpose', '=', 'email_confirmation').execute();
    assert.equal(tokensAfter.length, tokensBefore.length, 'no new link for a confirmed or unknown address');

    const invalid = await server.client().post<ErrorBody>('/api/email-confirmations/resend', { email: 'nope' });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.field, 'email');
  });

  test('with requireEmailConfirmation, sign-up gives no session and login is refused until the email is confirmed', async () => {
    const enabled = await admin.client.patch<{ requireEmailConfirmation: boolean }>('/api/admin/settings', { requireEmailConfirmation: true });
    assert.equal(enabled.status, 200, enabled.text);
    assert.equal(enabled.body.requireEmailConfirmation, true);
    try {
      const client = server.client();
      const username = uniqueName('careful');
      const email = `${username}@example.com`;
      const signup = await client.post<MeBody & { csrfToken: string | null; emailConfirmationRequired: boolean }>('/api/users', { username, email, password: PASSWORD, acceptGuidelines: true });
      assert.equal(signup.status, 201, signup.text);
      assert.equal(signup.body.emailConfirmationRequired, true);
      assert.equal(signup.body.csrfToken, null);
      assert.equal(signup.body.emailConfirmed, false);
      assert.equal(signup.body.trustLevel, 0);
      assert.ok(!signup.headers.getSetCookie().some((c) => c.startsWith('hearth_session=')), 'no session cookie');
      assert.equal((await client.get('/api/me')).status, 401);
      assert.equal(await sessionCount(server, signup.body.id), 0);

      const refused = await login(server, username, PASSWORD);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'email_unconfirmed');
      assert.equal(refused.headers.getSetCookie().length, 0);
      const wrong = await login(server, username, 'not the password');
      assert.equal(wrong.status, 401, 'without the password, nothing tells the account is unconfirmed');
      assert.equal(wrong.body.error.code, 'invalid_credentials');

      const token = await confirmationToken(email);
      assert.equal((await server.client().post('/api/email-confirmations/confirm', { token })).status, 204);
      const allowed = await login(server, email, PASSWORD);
      assert.equal(allowed.status, 200, allowed.text);
      assert.equal(allowed.body.member.emailConfirmed, true);
      assert.equal(allowed.body.member.trustLevel, 0);

      const staffMade = await createMember(server);
      assert.ok(staffMade.id > 0, 'accounts made by staff count as confirmed and can log in');
    } finally {
      const disabled = await admin.client.patch('/api/admin/settings', { requireEmailConfirmation: false });
      assert.equal(disabled.status, 200);
    }
  });

  test('a password reset link arrives by SMTP and works', async () => {
    const member = await createMember(server);
    assert.equal((await server.client().post('/api/password-resets', { email: member.email })).status, 202);
    const mail = await waitForMail(member.email, /^Reset your Hearth password$/);
    assert.match(mail.text, new RegExp(`password of ${member.username} on Hearth`));
    const token = tokenIn(mail.text, '/reset-password');
    assert.ok(token, mail.text);
    assert.equal((await server.client().post('/api/password-resets/confirm', { token, password: NEW_PASSWORD })).status, 204);
    assert.equal((await member.client.get('/api/me')).status, 401);
    assert.equal((await login(server, member.username, NEW_PASSWORD)).status, 200);
    assert.equal((await login(server, member.username, PASSWORD)).status, 401);
  });
});
