// Private messages in email digests and in the emails sent while away, over real HTTP: unread 'message'
// notifications appear (linked to the conversation) only for conversations the member can still read,
// and a new message queues the same delayed email as a mention or a reply. "now" is passed in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { digestEmail, notificationEmail } from '../../src/server/features/digests/digests.presenter';
import { AWAY_EMAIL_DELAY_SECONDS, AWAY_EMAIL_QUEUE } from '../../src/server/features/digests/digests.rules';
import type { DigestNotificationRow, NotificationFactsRow } from '../../src/server/features/digests/digests.store';
import { createMember, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Conversation {
  id: number;
  title: string;
  messages: { id: number; number: number }[];
}

interface LoggedMail {
  subject: string;
  text: string;
}

/** Seen `hoursAgo` before `at`, joined a month before. */
async function lastSeen(server: TestServer, member: TestMember, hoursAgo: number, at: Date): Promise<void> {
  await server.runtime.ctx.database.db
    .updateTable('members')
    .set({ last_seen_at: new Date(at.getTime() - hoursAgo * HOUR), joined_at: new Date(at.getTime() - 30 * DAY) })
    .where('id', '=', member.id)
    .execute();
}

async function startConversation(from: TestMember, body: { title: string; recipients: string[]; groups?: string[]; body?: string }): Promise<Conversation> {
  const reply = await from.client.post<Conversation>('/api/messages', { body: 'Can we talk about the plan?', ...body });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

async function replyIn(from: TestMember, conversationId: number, body: string): Promise<{ id: number }> {
  const reply = await from.client.post<{ id: number }>(`/api/messages/${conversationId}/replies`, { body });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

async function createGroup(admin: TestMember, members: TestMember[]): Promise<{ id: number; name: string }> {
  const created = await admin.client.post<{ id: number; name: string }>('/api/groups', { name: uniqueName('team') });
  assert.equal(created.status, 201, created.text);
  for (const m of members) assert.equal((await admin.client.post(`/api/groups/${created.body.id}/members`, { username: m.username })).status, 204);
  return created.body;
}

describe('private messages in digests and away emails (mail written to the log)', () => {
  let server: TestServer;
  let admin: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let carol: TestMember;
  let dave: TestMember;
  let frank: TestMember;
  let moderator: TestMember;
  let outsider: TestMember;
  let pair: Conversation;
  let teamTalk: Conversation;
  const title = 'Plans for <b>Friday</b> & "more"';

  const db = () => server.runtime.ctx.database.db;
  const digests = () => server.runtime.services.digests.digests;
  const publicUrl = () => server.runtime.ctx.config.publicUrl;

  const mailsTo = (member: TestMember): LoggedMail[] =>
    server.logs.flatMap((line) => {
      const mail = line.mail as { to?: unknown; subject?: unknown } | undefined;
      if (mail?.to !== member.email || typeof line.msg !== 'string') return [];
      return [{ subject: String(mail.subject), text: line.msg }];
    });
  const digestsTo = (member: TestMember): LoggedMail[] => mailsTo(member).filter((m) => m.subject.includes('summary'));

  /** The member's notification about the conversation (read or not). */
  async function noteOf(member: TestMember, conversationId: number): Promise<{ id: number; message_id: number | null; read_at: Date | null; count: number }> {
    const row = await db()
      .selectFrom('notifications')
      .select(['id', 'message_id', 'read_at', 'count'])
      .where('member_id', '=', member.id)
      .where('type', '=', 'message')
      .where('conversation_id', '=', conversationId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    assert.ok(row, `a message notification for ${member.username}`);
    return row;
  }

  before(async () => {
    // No job workers: the hourly schedule must not race the runs these tests make with their own "now".
    server = await startTestServer({ env: { HEARTH_JOBS: 'false' } });
    [admin, alice, bob, carol, dave, frank, moderator, outsider] = await Promise.all([
      createMember(server, 'admin'), createMember(server), createMember(server), createMember(server), createMember(server), createMember(server), createMember(server, 'moderator'),
      createMember(server),
    ]);
    const team = await createGroup(admin, [dave, frank]);
    pair = await startConversation(alice, { title, recipients: [bob.username, carol.username] });
    teamTalk = await startConversation(alice, { title: 'For the team', recipients: [], groups: [team.name, 'moderators'], body: 'The team plan' });

    // Carol leaves: she loses access, and leaving reads her notification. Left unread anyway (a read
    // that lost a race), it must still stay out of her emails: the access rule decides, not the mark.
    assert.equal((await carol.client.request('DELETE', `/api/messages/${pair.id}/participation`)).status, 204);
    assert.notEqual((await noteOf(carol, pair.id)).read_at, null, 'leaving reads the notification');
    await db().updateTable('notifications').set({ read_at: null }).where('id', '=', (await noteOf(carol, pair.id)).id).execute();
    // Frank leaves the group the conversation was sent to: it is no longer his to read.
    assert.equal((await admin.client.request('DELETE', `/api/groups/${team.id}/members/${frank.id}`)).status, 204);
  });
  after(() => server.close());

  test('an away member gets their unread message in the digest, with the conversation title, who wrote, and a link to it', async () => {
    const now = new Date();
    for (const m of [bob, carol, dave, frank, moderator, outsider]) await lastSeen(server, m, 72, now);
    await lastSeen(server, alice, 0, now);
    await digests().sendDue(now);

    const mails = digestsTo(bob);
    assert.equal(mails.length, 1, 'one digest for the away recipient');
    const mail = mails[0];
    assert.ok(mail);
    assert.match(mail.subject, /weekly summary: 1 notification$/);
    assert.ok(mail.text.includes(`@${alice.username} sent you a message: “${title}”`), mail.text);
    assert.ok(mail.text.includes(`${publicUrl()}/messages/${pair.id}\n`), 'links to the conversation');
    assert.ok(!mail.text.includes('For the team'), 'not a conversation bob was never part of');
  });

  test('a member who left the conversation does not get it, even with the notification unread', () => {
    assert.equal(digestsTo(carol).length, 0, mailsTo(carol).map((m) => m.text).join('\n'));
  });

  test('members of a group the conversation was sent to get it (named and built-in groups); a member removed from the group does not', () => {
    for (const member of [dave, moderator]) {
      const mail = digestsTo(member)[0];
      assert.ok(mail, `a digest for ${member.username}`);
      assert.ok(mail.text.includes(`@${alice.username} sent you a message: “For the team”`), mail.text);
      assert.ok(mail.text.includes(`${publicUrl()}/messages/${teamTalk.id}`));
      assert.ok(!mail.text.includes(title), 'not the conversation between others');
    }
    assert.equal(digestsTo(frank).length, 0, 'removed from the group: no longer readable');
    assert.equal(digestsTo(outsider).length, 0);
    assert.equal(digestsTo(alice).length, 0, 'the author is not told about their own message');
  });

  test('the away email goes out for a new private message: only while unread, away and readable, once per burst', async () => {
    const at = new Date();
    const bobNote = await noteOf(bob, pair.id);
    const first = pair.messages[0];
    assert.ok(first);
    assert.deepEqual(await digests().awayEmailJob(bobNote.id), { notificationId: bobNote.id, messageId: first.id }, 'queued like a mention or a reply');

    await lastSeen(server, bob, 0, at);
    assert.equal(await digests().sendAwayNotification(bobNote.id, at, first.id), false, 'not while they are around');
    await lastSeen(server, bob, 2, at);
    assert.equal(await digests().sendAwayNotification(bobNote.id, at, first.id), true);
    const mail = mailsTo(bob).at(-1);
    assert.ok(mail);
    assert.ok(mail.subject.endsWith(`] @${alice.username} sent you a message: “${title}”`), mail.subject);
    assert.ok(mail.text.includes('Can we talk about the plan?'), 'quotes the message');
    assert.ok(mail.text.includes(`Read it: ${publicUrl()}/messages/${pair.id}\n`), mail.text);

    // Two more messages fold into the unread notification, each queueing an email: one goes out.
    const second = await replyIn(alice, pair.id, 'Are you there?');
    const third = await replyIn(alice, pair.id, 'Ping!');
    const folded = await noteOf(bob, pair.id);
    assert.equal(folded.id, bobNote.id);
    assert.equal(folded.count, 3);
    assert.deepEqual(await digests().awayEmailJob(bobNote.id), { notificationId: bobNote.id, messageId: third.id });
    await lastSeen(server, bob, 2, at);
    const before = mailsTo(bob).length;
    assert.equal(await digests().sendAwayNotification(bobNote.id, at, second.id), false, 'a later message took over');
    assert.equal(await digests().sendAwayNotification(bobNote.id, at, third.id), true);
    assert.equal(mailsTo(bob).length, before + 1);
    assert.match(mailsTo(bob).at(-1)?.subject ?? '', new RegExp(`3 new messages in “.+”, the latest from @${alice.username}$`));
    assert.ok(mailsTo(bob).at(-1)?.text.includes('Ping!'));

    // Group members are emailed too; who left, or left the group, is not.
    await Promise.all([lastSeen(server, dave, 2, at), lastSeen(server, carol, 2, at), lastSeen(server, frank, 2, at)]);
    assert.equal(await digests().sendAwayNotification((await noteOf(dave, teamTalk.id)).id, at), true, 'a group recipient');
    assert.equal(await digests().sendAwayNotification((await noteOf(carol, pair.id)).id, at), false, 'left the conversation');
    assert.equal(await digests().sendAwayNotification((await noteOf(frank, teamTalk.id)).id, at), false, 'removed from the group');

    // Deleted, or read meanwhile: no email.
    assert.equal((await alice.client.request('DELETE', `/api/messages/replies/${third.id}`)).status, 204);
    assert.equal(await digests().sendAwayNotification(bobNote.id, at, third.id), false, 'the message is gone');
    const moderatorNote = await noteOf(moderator, teamTalk.id);
    assert.equal((await moderator.client.request('PUT', `/api/messages/${teamTalk.id}/read`, { body: { number: 1 } })).status, 200);
    await lastSeen(server, moderator, 2, at);
    assert.equal(await digests().sendAwayNotification(moderatorNote.id, at), false, 'read in the app');
    assert.equal(await digests().awayEmailJob(moderatorNote.id), undefined);

    // Turned off: no email.
    assert.equal((await dave.client.request('PUT', '/api/me/email-preferences', { body: { digestFrequency: 'weekly', notifyWhenAway: false } })).status, 200);
    await lastSeen(server, dave, 2, at);
    assert.equal(await digests().awayEmailJob((await noteOf(dave, teamTalk.id)).id), undefined);
    assert.equal(await digests().sendAwayNotification((await noteOf(dave, teamTalk.id)).id, at), false);
  });
});

describe('private messages with SMTP configured', () => {
  let server: TestServer;

  before(async () => {
    // Nothing is delivered: without job workers the queued emails stay in the queue, to be looked at.
    server = await startTestServer({ env: { HEARTH_JOBS: 'false', SMTP_URL: 'smtp://127.0.0.1:9' } });
  });
  after(() => server.close());

  test('a new message queues the away email with the same delay as mentions and replies', async () => {
    const [alice, bob] = await Promise.all([createMember(server), createMember(server)]);
    const conversation = await startConversation(alice, { title: 'Queued', recipients: [bob.username] });
    const reply = await replyIn(alice, conversation.id, 'And another thing');
    const note = await server.runtime.ctx.database.db
      .selectFrom('notifications')
      .select('id')
      .where('member_id', '=', bob.id)
      .where('conversation_id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    const { rows } = await server.runtime.ctx.database.raw(
      'select data, extract(epoch from (start_after - created_on))::float8 as delay from pgboss.job where name = $1 order by created_on',
      [AWAY_EMAIL_QUEUE],
    );
    const jobs = rows.map((r) => ({ data: r.data as { notificationId: number; messageId?: number }, delay: Number(r.delay) }));
    assert.deepEqual(
      jobs.map((j) => j.data),
      [
        { notificationId: note.id, messageId: conversation.messages[0]?.id },
        { notificationId: note.id, messageId: reply.id },
      ],
      'one job per message, for the notification they fold into',
    );
    for (const job of jobs) assert.ok(Math.abs(job.delay - AWAY_EMAIL_DELAY_SECONDS) < 5, `delayed ${job.delay} s`);
  });
});

describe('private messages in the email presenter', () => {
  test('the HTML escapes the conversation title and the author, and links to the conversation', () => {
    const at = new Date();
    const row = {
      id: 1, type: 'message', count: 1, emoji: null, created_at: at, topic_id: null, slug: null, conversation_id: 7, post_number: null, actor_username: '<i>eve</i>',
      title: '<img src=x onerror=alert(1)> & "Friday"',
    } as unknown as DigestNotificationRow;
    const digest = digestEmail({ siteName: 'Site', publicUrl: 'https://example.com', unsubscribeUrl: 'https://example.com/unsubscribe?token=t', username: 'ann', frequency: 'daily', notifications: [row], topics: [] });
    assert.ok(!digest.html.includes('<img') && !digest.html.includes('<i>eve'), digest.html);
    assert.ok(digest.html.includes('@&lt;i&gt;eve&lt;/i&gt; sent you a message: “&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Friday&quot;”'), digest.html);
    assert.ok(digest.html.includes('<a href="https://example.com/messages/7">'));
    assert.ok(digest.text.includes('https://example.com/messages/7'));

    const facts = { ...row, member_id: 2, read_at: null, message_id: 9, html: '<p>Hi <b>there</b></p>' } as unknown as NotificationFactsRow;
    const email = notificationEmail({ siteName: 'Site', publicUrl: 'https://example.com', unsubscribeUrl: 'https://example.com/unsubscribe?token=t', username: 'ann', notification: facts });
    assert.ok(!email.html.includes('<img') && !email.html.includes('<i>eve'), email.html);
    assert.ok(email.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(email.html.includes('<a href="https://example.com/messages/7">Read it</a>'));
    assert.ok(email.text.includes('Hi there'));
  });
});
