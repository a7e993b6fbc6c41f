// Onboarding: the welcome message (after sign-up, from a job, once per member, from the configured
// staff sender, released and retried when sending fails), the "start here" checklist computed from the
// member's data, and the newcomers' queue for staff and the helpers group.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fillPlaceholders, isOverdue, mayHelp, profileDone, progressOf } from '../../src/server/features/programs/onboarding';
import { createMember, signUp, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space } from '../discussions/helpers';

interface Checklist {
  items: { key: string; label: string; done: boolean; href: string }[];
  done: number;
  total: number;
  progress: number;
  complete: boolean;
  dismissed: boolean;
  canHelp: boolean;
}
interface Newcomers {
  items: { topic: { id: number; title: string }; author: { id: number; username: string | null }; ageHours: number; overdue: boolean }[];
  nextCursor: string | null;
  responseHours: number;
  overdue: number;
}
interface Conversation {
  id: number;
  title: string;
  participants: { id: number; username: string | null }[];
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
let space: Space;

const db = () => server.runtime.ctx.database.db;
const onboarding = () => server.runtime.services.programs.onboarding;
const HOUR = 3_600_000;

async function setSetting(patch: Record<string, unknown>): Promise<void> {
  const reply = await admin.client.patch('/api/admin/settings', patch);
  assert.equal(reply.status, 200, reply.text);
}

async function inbox(m: TestMember): Promise<Conversation[]> {
  const reply = await m.client.get<{ items: Conversation[] }>('/api/messages');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
}

/** The welcome job runs in the background: wait for the conversation to arrive. */
async function waitForWelcome(m: TestMember): Promise<Conversation> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [first] = await inbox(m);
    if (first) return first;
    if (Date.now() > deadline) throw new Error(`no welcome message for ${m.username}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function recordedWelcome(memberId: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const row = await db().selectFrom('member_onboarding').selectAll().where('member_id', '=', memberId).executeTakeFirstOrThrow();
    if (row.welcome_conversation_id !== null || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function checklistOf(m: TestMember): Promise<Checklist> {
  const reply = await m.client.get<Checklist>('/api/me/onboarding');
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}
const doneKeys = (c: Checklist) => c.items.filter((i) => i.done).map((i) => i.key);

describe('onboarding rules', () => {
  test('placeholders, profile, progress, overdue, helpers', () => {
    const values = { username: 'kim', displayName: 'Kim {username}', siteName: 'Hearth' };
    assert.equal(fillPlaceholders('Hi {displayName} ({username}) on {siteName}, {other}', values), 'Hi Kim {username} (kim) on Hearth, {other}');
    assert.equal(profileDone({ username: 'kim', displayName: 'kim', bio: ' ', avatarUrl: null }), false);
    assert.equal(profileDone({ username: 'kim', displayName: 'Kim Lee', bio: '', avatarUrl: null }), true);
    assert.equal(profileDone({ username: 'kim', displayName: 'kim', bio: 'I knit', avatarUrl: null }), true);
    assert.equal(profileDone({ username: 'kim', displayName: 'kim', bio: '', avatarUrl: 'https://example.com/a.png' }), true);
    assert.equal(progressOf([{ done: true }, { done: false }, { done: false }]), 33);
    assert.equal(progressOf([]), 100);
    const now = new Date('2030-01-02T00:00:00Z');
    assert.equal(isOverdue(new Date(now.getTime() - 24 * HOUR - 1), now, 24), true);
    assert.equal(isOverdue(new Date(now.getTime() - 24 * HOUR), now, 24), false);
    assert.equal(mayHelp({ isStaff: true, groups: [] }, ''), true);
    assert.equal(mayHelp({ isStaff: false, groups: ['members', 'Welcome-Committee'] }, 'welcome-committee'), true);
    assert.equal(mayHelp({ isStaff: false, groups: ['members'] }, 'welcome-committee'), false);
    assert.equal(mayHelp({ isStaff: false, groups: ['members'] }, ' '), false);
  });
});

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
  [moderator, member] = await Promise.all([createMember(server, 'moderator'), createMember(server)]);
  space = await createSpace(admin.client);
  // The test server turns welcome messages off for other suites; this one is about them.
  await setSetting({ welcomeMessageEnabled: true });
});
after(() => server?.close());

describe('the welcome message', () => {
  test('a member who signs up gets it once, from the first admin, with their name filled in', async () => {
    const newcomer = await signUp(server, uniqueName('newbie'));
    const welcome = await waitForWelcome(newcomer);
    assert.equal(welcome.title, `Welcome to Hearth, ${newcomer.username}!`);
    assert.deepEqual(welcome.participants.map((p) => p.id).sort(), [admin.id, newcomer.id].sort());
    const detail = await newcomer.client.get<{ messages: { body: string; author: { id: number } | null }[] }>(`/api/messages/${welcome.id}`);
    assert.equal(detail.status, 200, detail.text);
    assert.match(detail.body.messages[0]?.body ?? '', new RegExp(`^Hi ${newcomer.username}, welcome to Hearth!`));
    assert.match(detail.body.messages[0]?.body ?? '', /\/guidelines/);
    // The job records the conversation just after the message is sent, so the member may see it first.
    const row = await recordedWelcome(newcomer.id);
    assert.equal(row.welcome_conversation_id, welcome.id);
    assert.ok(row.welcome_sent_at);

    assert.equal(await onboarding().sendWelcome(newcomer.id), 'already_sent');
    assert.equal((await inbox(newcomer)).length, 1, 'still one welcome');
  });

  test('accounts made by staff get none; turned off, nobody gets one', async () => {
    assert.equal(await onboarding().sendWelcome(member.id), 'not_signup');
    assert.deepEqual(await inbox(member), []);
    await setSetting({ welcomeMessageEnabled: false });
    try {
      const quiet = await signUp(server);
      assert.equal(await onboarding().sendWelcome(quiet.id), 'disabled');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(await inbox(quiet), []);
    } finally {
      await setSetting({ welcomeMessageEnabled: true });
    }
  });

  test('from the configured staff sender with the configured text; a non-staff sender falls back to the first admin', async () => {
    await setSetting({ welcomeSender: moderator.username, welcomeMessageTitle: 'Hello {username}', welcomeMessage: 'Dear {displayName}, see [the guidelines](/guidelines).' });
    try {
      const newcomer = await signUp(server);
      const welcome = await waitForWelcome(newcomer);
      assert.equal(welcome.title, `Hello ${newcomer.username}`);
      assert.ok(welcome.participants.some((p) => p.id === moderator.id));
      const detail = await newcomer.client.get<{ messages: { body: string; html: string }[] }>(`/api/messages/${welcome.id}`);
      assert.equal(detail.body.messages[0]?.body, `Dear ${newcomer.username}, see [the guidelines](/guidelines).`);
      assert.match(detail.body.messages[0]?.html ?? '', /<a href="\/guidelines"/);

      await setSetting({ welcomeSender: member.username });
      const other = await signUp(server);
      const fallback = await waitForWelcome(other);
      assert.ok(fallback.participants.some((p) => p.id === admin.id), 'a non-staff sender is not used');
    } finally {
      await setSetting({ welcomeSender: '', welcomeMessageTitle: 'Welcome to {siteName}, {displayName}!' });
    }
  });

  test('when sending fails the claim is released, and a later attempt sends it', async () => {
    const newcomer = await createMember(server);
    // Treat this staff-made account as a sign-up, and keep the sender from writing for now.
    await db().updateTable('activities').set({ props: JSON.stringify({ via: 'signup' }) }).where('member_id', '=', newcomer.id).where('kind', '=', 'member.joined').execute();
    await db().updateTable('accounts').set({ silenced_until: new Date(Date.now() + HOUR) }).where('member_id', '=', admin.id).execute();
    try {
      await assert.rejects(onboarding().sendWelcome(newcomer.id), /silenced/);
    } finally {
      await db().updateTable('accounts').set({ silenced_until: null }).where('member_id', '=', admin.id).execute();
    }
    const row = await db().selectFrom('member_onboarding').select('welcome_sent_at').where('member_id', '=', newcomer.id).executeTakeFirstOrThrow();
    assert.equal(row.welcome_sent_at, null);
    assert.equal(await onboarding().sendWelcome(newcomer.id), 'sent');
    assert.equal((await inbox(newcomer)).length, 1);
  });
});

describe('GET and PUT /api/me/onboarding', () => {
  test('401, 400; each item follows the member\'s data; the card can be hidden and shown', async () => {
    assert.equal((await server.client().get('/api/me/onboarding')).status, 401);
    assert.equal((await server.client().put('/api/me/onboarding', { dismissed: true })).status, 401);
    const kim = await createMember(server);
    assertError(await kim.client.put('/api/me/onboarding', { dismissed: 'yes' }), 400, 'invalid_request');
    assertError(await kim.client.put('/api/me/onboarding', {}), 400, 'invalid_request');

    let list = await checklistOf(kim);
    assert.deepEqual(list.items.map((i) => i.key), ['profile', 'guidelines', 'introduce', 'first_reply']);
    assert.deepEqual(doneKeys(list), ['guidelines'], 'accepting the guidelines is part of signing up');
    assert.deepEqual([list.done, list.total, list.progress, list.complete, list.dismissed, list.canHelp], [1, 4, 25, false, false, false]);
    assert.equal((await checklistOf(moderator)).canHelp, true);
    assert.deepEqual(list.items.map((i) => i.href), ['/profile', '/guidelines', '/new-topic?tag=introductions', '/']);

    assert.equal((await kim.client.patch('/api/me', { bio: 'I grow tomatoes' })).status, 200);
    assert.deepEqual(doneKeys(await checklistOf(kim)), ['profile', 'guidelines']);

    // Introduce: any topic tagged introductions, until an introductions space is set.
    const plain = await createTopic(kim.client, space.id, 'Not an introduction', 'Something else');
    assert.equal((await checklistOf(kim)).items.find((i) => i.key === 'introduce')?.done, false);
    const hello = await kim.client.post<{ id: number }>('/api/topics', { spaceId: space.id, title: 'Hello, I am Kim', body: 'I grow tomatoes.', tags: ['introductions'] });
    assert.equal(hello.status, 201, hello.text);
    assert.equal((await checklistOf(kim)).items.find((i) => i.key === 'introduce')?.done, true);
    const intros = await createSpace(admin.client);
    await setSetting({ introductionsSpaceId: intros.id });
    try {
      list = await checklistOf(kim);
      assert.equal(list.items.find((i) => i.key === 'introduce')?.done, false, 'the tagged topic is not in the introductions space');
      assert.equal(list.items.find((i) => i.key === 'introduce')?.href, `/new-topic?space=${intros.id}`);
      await createTopic(kim.client, intros.id, 'Hi all', 'Kim here');
      assert.equal((await checklistOf(kim)).items.find((i) => i.key === 'introduce')?.done, true);
    } finally {
      await setSetting({ introductionsSpaceId: null });
    }

    // First reply: a reply (not a topic's first post) that is not deleted.
    const ownReplyFree = await checklistOf(kim);
    assert.equal(ownReplyFree.items.find((i) => i.key === 'first_reply')?.done, false, 'starting topics is not replying');
    const reply = await replyTo(kim.client, plain.id, 'Replying to myself, first');
    assert.equal((await checklistOf(kim)).items.find((i) => i.key === 'first_reply')?.done, true);
    assert.equal((await kim.client.delete(`/api/posts/${reply.id}`)).status, 204);
    assert.equal((await checklistOf(kim)).items.find((i) => i.key === 'first_reply')?.done, false, 'a deleted reply does not count');
    await replyTo(kim.client, plain.id, 'A reply that stays');

    list = await checklistOf(kim);
    assert.deepEqual([list.done, list.progress, list.complete], [4, 100, true]);

    // New guidelines: the item is open again until the member accepts them.
    await setSetting({ guidelines: `# Guidelines\n\nBe kind, ${uniqueName('v')}.` });
    list = await checklistOf(kim);
    assert.equal(list.items.find((i) => i.key === 'guidelines')?.done, false);
    const site = await server.client().get<{ guidelinesVersion: number }>('/api/site');
    assert.equal((await kim.client.post('/api/me/guidelines', { version: site.body.guidelinesVersion })).status, 200);
    assert.equal((await checklistOf(kim)).complete, true);

    const hidden = await kim.client.put<Checklist>('/api/me/onboarding', { dismissed: true });
    assert.equal(hidden.status, 200, hidden.text);
    assert.equal(hidden.body.dismissed, true);
    assert.equal((await checklistOf(kim)).dismissed, true);
    assert.equal((await checklistOf(member)).dismissed, false, 'per member');
    assert.equal((await kim.client.put<Checklist>('/api/me/onboarding', { dismissed: false })).body.dismissed, false);
  });
});

describe('GET /api/onboarding/newcomers', () => {
  test('401; 403 for members outside the helpers group; staff and helpers see unanswered topics by new members, overdue first', async () => {
    const newcomer = await createMember(server);
    const veteran = await createMember(server);
    const helper = await createMember(server);
    await db().updateTable('members').set({ joined_at: new Date(Date.now() - 60 * 24 * HOUR) }).where('id', '=', veteran.id).execute();
    const privateSpace = await createSpace(admin.client, 'private');

    assert.equal((await server.client().get('/api/onboarding/newcomers')).status, 401);
    assertError(await helper.client.get('/api/onboarding/newcomers'), 403, 'forbidden');
    assertError(await moderator.client.get('/api/onboarding/newcomers?cursor=nope'), 400, 'invalid_request', 'cursor');

    const fresh = await createTopic(newcomer.client, space.id, 'I have a question', 'First question from a newcomer');
    const late = await createTopic(newcomer.client, space.id, 'Another question', 'Second question, nobody answered');
    const answered = await createTopic(newcomer.client, space.id, 'Answered question', 'Someone answered this');
    const selfAnswered = await createTopic(newcomer.client, space.id, 'Self-bumped question', 'Only I replied');
    const old = await createTopic(veteran.client, space.id, 'Veteran question', 'From an old hand');
    const secret = await createTopic(admin.client, privateSpace.id, 'Staff only', 'A private space');
    await db().updateTable('topics').set({ author_id: newcomer.id }).where('id', '=', secret.id).execute();
    await replyTo(member.client, answered.id, 'Here is an answer');
    await replyTo(newcomer.client, selfAnswered.id, 'Bump, anyone?');
    await db().updateTable('topics').set({ created_at: new Date(Date.now() - 30 * HOUR) }).where('id', '=', late.id).execute();

    const queue = async (m: TestMember, query = '') => {
      const reply = await m.client.get<Newcomers>(`/api/onboarding/newcomers${query}`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const staffView = await queue(moderator);
    const ids = staffView.items.map((i) => i.topic.id);
    assert.deepEqual(ids.filter((id) => [fresh.id, late.id, answered.id, selfAnswered.id, old.id].includes(id)), [late.id, fresh.id, selfAnswered.id]);
    assert.equal(staffView.items.some((i) => i.author.id === veteran.id), false);
    assert.ok(ids.includes(secret.id), 'staff see every space');
    const lateItem = staffView.items.find((i) => i.topic.id === late.id);
    const freshItem = staffView.items.find((i) => i.topic.id === fresh.id);
    assert.deepEqual([lateItem?.overdue, freshItem?.overdue], [true, false]);
    assert.ok((lateItem?.ageHours ?? 0) >= 29.9, String(lateItem?.ageHours));
    assert.equal(lateItem?.author.id, newcomer.id);
    assert.equal(staffView.responseHours, 24);
    assert.ok(staffView.overdue >= 1);

    // The helpers group (welcome-committee by default) sees it too, without private spaces.
    const group = await admin.client.post<{ id: number }>('/api/groups', { name: 'welcome-committee' });
    assert.equal(group.status, 201, group.text);
    assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: helper.username })).status, 204);
    assert.equal((await checklistOf(helper)).canHelp, true);
    const helperView = await queue(helper);
    assert.ok(helperView.items.some((i) => i.topic.id === fresh.id));
    assert.equal(helperView.items.some((i) => i.topic.id === secret.id), false);
    await setSetting({ helperGroup: '' });
    try {
      assertError(await helper.client.get('/api/onboarding/newcomers'), 403, 'forbidden');
    } finally {
      await setSetting({ helperGroup: 'welcome-committee' });
    }

    // A shorter response target makes more overdue; a shorter newcomer window drops the topics.
    await setSetting({ newcomerResponseHours: 1 });
    await db().updateTable('topics').set({ created_at: new Date(Date.now() - 2 * HOUR) }).where('id', '=', fresh.id).execute();
    assert.equal((await queue(moderator)).items.find((i) => i.topic.id === fresh.id)?.overdue, true);
    await setSetting({ newcomerResponseHours: 24 });
    await db().updateTable('members').set({ joined_at: new Date(Date.now() - 20 * 24 * HOUR) }).where('id', '=', newcomer.id).execute();
    assert.equal((await queue(moderator)).items.some((i) => i.topic.id === fresh.id), false, 'joined 20 days before the topic: not a newcomer');
    await setSetting({ newcomerDays: 30 });
    assert.equal((await queue(moderator)).items.some((i) => i.topic.id === fresh.id), true);
    await setSetting({ newcomerDays: 14 });
    await db().updateTable('members').set({ joined_at: new Date(Date.now() - 40 * HOUR) }).where('id', '=', newcomer.id).execute();

    // Paged with a cursor, in the same order.
    const all = (await queue(moderator)).items.map((i) => i.topic.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Newcomers = await queue(moderator, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.topic.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all);
    assert.ok(all.length >= 3);
  });
});
