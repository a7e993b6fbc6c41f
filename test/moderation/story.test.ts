// The moderation story over HTTP: a new member's spam is held with an explanation, a moderator rejects
// it in the queue and silences the member for a day, the member appeals, a second moderator overturns
// the decision, and the post is back; every step is in the audit log. Plus the rules around it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError, createSpace, createTopic, type Space, type TopicDetail } from '../discussions/helpers';
import { Sse } from '../discussions/sse';
import { createMember, signUp, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

const SPAM = 'Check out my channel and subscribe!!! http://bit.ly/free-money-now make $500 a day from home';

interface Held {
  id: number;
  topicId: number;
  status: 'held';
  reason: { source: string; ruleId: number | null; rule: string | null; message: string; evidence: string[] };
}
interface Item {
  id: number;
  kind: string;
  status: string;
  post: { id: number; state: string | null } | null;
  reason: { source?: string; scores?: { spam: number } };
  member: { id: number };
}

let server: TestServer;
let admin: TestMember;
let mod1: TestMember;
let mod2: TestMember;
let newcomer: TestMember;
let reader: TestMember;
let space: Space;
let topic: TopicDetail;

const audit = async (action: string) => (await server.runtime.ctx.database.db.selectFrom('audit_log').select(['actor_id', 'target_id', 'reason', 'after']).where('action', '=', action).execute());

describe('moderation story', () => {
  before(async () => {
    server = await startTestServer({ moderation: 'default' });
    admin = await createMember(server, 'admin');
    mod1 = await createMember(server, 'moderator');
    mod2 = await createMember(server, 'moderator');
    newcomer = await signUp(server);
    reader = await createMember(server);
    space = await createSpace(admin.client);
    topic = await createTopic(admin.client, space.id, 'Welcome, introduce yourself here.', 'Introductions');
  });
  after(() => server.close());

  let held: Held;
  let itemId: number;
  let appealId: number;

  test('a new member\'s spam reply is held (202) with the reason, and nobody else sees it', async () => {
    const reply = await newcomer.client.post<Held>(`/api/topics/${topic.id}/posts`, { body: SPAM });
    assert.equal(reply.status, 202, reply.text);
    held = reply.body;
    assert.equal(held.status, 'held');
    assert.equal(held.reason.source, 'classifier');
    assert.equal(held.reason.ruleId, 0);
    assert.match(held.reason.message, /spam/i);
    assert.ok(held.reason.evidence.some((e) => /spam score/.test(e)), JSON.stringify(held.reason));
    const seen = await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.ok(!seen.body.posts.some((p) => p.id === held.id), 'a reader does not see the held post');
    assert.equal((await reader.client.get(`/api/posts/${held.id}`)).status, 404);
    const search = await reader.client.get<{ items: { postId: number }[] }>('/api/search?q=channel');
    assert.ok(!search.body.items.some((i) => i.postId === held.id));
    const mine = await newcomer.client.get<{ items: { id: number; status: string; post: { id: number } | null; reason: { message: string } }[] }>('/api/me/moderation');
    const item = mine.body.items.find((i) => i.post?.id === held.id);
    assert.ok(item, mine.text);
    assert.equal(item.status, 'pending');
    assert.match(item.reason.message, /spam/i);
    const notices = await newcomer.client.get<{ items: { type: string; notice: { text: string } | null }[] }>('/api/notifications');
    assert.ok(notices.body.items.some((n) => n.type === 'moderation' && /spam/i.test(n.notice?.text ?? '')), notices.text);
  });

  test('the queue holds it with the classifier score; staff only', async () => {
    assertError(await reader.client.get('/api/moderation/queue'), 403, 'forbidden');
    const queue = await mod1.client.get<{ items: Item[]; pending: number }>('/api/moderation/queue?kind=held_post&sort=score');
    assert.equal(queue.status, 200, queue.text);
    const item = queue.body.items.find((i) => i.post?.id === held.id);
    assert.ok(item, queue.text);
    assert.equal(item.post?.state, 'held');
    assert.ok((item.reason.scores?.spam ?? 0) >= 0.9);
    itemId = item.id;
    const claimed = await mod1.client.post<{ claimedBy: string }>(`/api/moderation/queue/${itemId}/claim`);
    assert.equal(claimed.body.claimedBy, mod1.username);
    assertError(await mod2.client.post(`/api/moderation/queue/${itemId}/claim`), 409, 'claimed_by_other');
  });

  test('moderator 1 rejects it and silences the member for a day; the member cannot post', async () => {
    const decided = await mod1.client.post<Item>(`/api/moderation/queue/${itemId}/decision`, {
      action: 'reject', reason: 'Advertising', guideline: 'no-spam', category: 'spam', sanction: { kind: 'silence', hours: 24 },
    });
    assert.equal(decided.status, 200, decided.text);
    assert.equal(decided.body.status, 'rejected');
    assert.equal(decided.body.post?.state, 'rejected');
    assertError(await mod1.client.post(`/api/moderation/queue/${itemId}/decision`, { action: 'approve', reason: 'again' }), 409, 'already_decided');
    assertError(await newcomer.client.post(`/api/topics/${topic.id}/posts`, { body: 'Sorry, hello everyone!' }), 403, 'account_silenced');
    const [rejected] = await audit('review.reject');
    assert.equal(rejected?.actor_id, mod1.id);
    const [silenced] = await audit('member.silence');
    assert.equal(silenced?.target_id, String(newcomer.id));
    assert.equal((silenced?.after as { guideline: string }).guideline, 'no-spam');
    const label = await server.runtime.ctx.database.db.selectFrom('moderation_labels').select(['label', 'model_version']).where('post_id', '=', held.id).executeTakeFirst();
    assert.equal(label?.label, 'spam');
    assert.match(label?.model_version ?? '', /^spam-/);
  });

  test('the member appeals once; the moderator who acted cannot decide it', async () => {
    const filed = await newcomer.client.post<{ id: number; status: string }>('/api/appeals', { reviewItemId: itemId, body: 'This is my real channel, I was introducing myself.' });
    assert.equal(filed.status, 201, filed.text);
    appealId = filed.body.id;
    assertError(await newcomer.client.post('/api/appeals', { reviewItemId: itemId, body: 'Please look again at my post.' }), 409, 'already_appealed');
    assertError(await reader.client.post('/api/appeals', { reviewItemId: itemId, body: 'Not my decision to appeal.' }), 404, 'not_found');
    assertError(await mod1.client.post(`/api/moderation/appeals/${appealId}/decision`, { decision: 'overturn', note: 'mine' }), 403, 'own_action');
  });

  test('moderator 2 overturns: the post is back, the silence lifted, the member told', async () => {
    const queueWatch = await Sse.open(server.url, mod1);
    const decided = await mod2.client.post<{ status: string; decidedBy: string }>(`/api/moderation/appeals/${appealId}/decision`, { decision: 'overturn', note: 'A fair introduction after all.' });
    assert.equal(decided.status, 200, decided.text);
    // The queue item's outcome changed: open queue pages hear of it.
    await queueWatch.next('review.changed', (d) => d.itemId === itemId && d.change === 'decided');
    queueWatch.close();
    assert.equal(decided.body.status, 'overturned');
    assert.equal(decided.body.decidedBy, mod2.username);
    const seen = await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`);
    assert.ok(seen.body.posts.some((p) => p.id === held.id && p.body === SPAM), 'the post is restored for everyone');
    const page = await mod2.client.get<{ member: { silencedUntil: string | null }; appeals: { id: number; status: string }[] }>(`/api/moderation/members/${newcomer.id}`);
    assert.equal(page.body.member.silencedUntil, null, 'the silence from the overturned decision is lifted');
    assert.deepEqual(page.body.appeals.map((a) => [a.id, a.status]), [[appealId, 'overturned']], 'the member page lists their appeals only');
    const notices = await newcomer.client.get<{ items: { type: string; title: string }[] }>('/api/notifications');
    assert.ok(notices.body.items.some((n) => n.type === 'moderation' && n.title === 'Your appeal was accepted'), notices.text);
    const [overturn] = await audit('appeal.overturn');
    assert.equal(overturn?.actor_id, mod2.id);
    assert.equal((await audit('sanction.lift')).length, 1);
    const stats = await admin.client.get<{ items: { moderator: { id: number }; appeals: number; overturned: number; overturnRate: number }[] }>('/api/moderation/appeal-stats');
    const row = stats.body.items.find((r) => r.moderator.id === mod1.id);
    assert.deepEqual([row?.appeals, row?.overturned, row?.overturnRate], [1, 1, 1]);
    assertError(await mod1.client.get('/api/moderation/appeal-stats'), 403, 'forbidden');
  });
});

describe('sanctions and automod rules', () => {
  before(async () => {
    server = await startTestServer({ moderation: 'default' });
    admin = await createMember(server, 'admin');
    mod1 = await createMember(server, 'moderator');
    reader = await createMember(server);
    space = await createSpace(admin.client);
  });
  after(() => server.close());

  test('a moderator cannot sanction an admin or another moderator; the ladder suggests the next step', async () => {
    assertError(await mod1.client.post(`/api/moderation/members/${admin.id}/sanctions`, { kind: 'silence', reason: 'x', guideline: 'g' }), 403, 'cannot_sanction_staff');
    const warned = await mod1.client.post<{ kind: string; active: boolean }>(`/api/moderation/members/${reader.id}/sanctions`, { kind: 'warning', reason: 'Be kind', guideline: 'be-kind' });
    assert.equal(warned.status, 201, warned.text);
    const history = await mod1.client.get<{ suggestion: { kind: string; hours: number } }>(`/api/moderation/members/${reader.id}/sanctions`);
    assert.deepEqual(history.body.suggestion, { kind: 'silence', hours: 24, step: 1 });
    const conversations = await reader.client.get<{ items: { title: string }[] }>('/api/messages');
    assert.ok(conversations.body.items.some((c) => /warning/i.test(c.title)), 'a warning arrives as a private message');
    const silenced = await mod1.client.post<{ endsAt: string; startsAt: string }>(`/api/moderation/members/${reader.id}/sanctions`, { kind: 'silence', reason: 'Again', guideline: 'be-kind' });
    assert.equal(Date.parse(silenced.body.endsAt) - Date.parse(silenced.body.startsAt), 24 * 3_600_000);
    const next = await mod1.client.get<{ suggestion: { hours: number } }>(`/api/moderation/members/${reader.id}/sanctions`);
    assert.equal(next.body.suggestion.hours, 72);
  });

  test('a suspension from the members page is a sanction: a later silence and its lift leave it in force', async () => {
    const target = await createMember(server);
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const suspended = await admin.client.post(`/api/admin/members/${target.id}/suspension`, { until, reason: 'Cool off' });
    assert.equal(suspended.status, 200, suspended.text);
    const silence = await mod1.client.post<{ id: number }>(`/api/moderation/members/${target.id}/sanctions`, { kind: 'silence', reason: 'Also quiet', guideline: 'be-kind', hours: 24 });
    assert.equal(silence.status, 201, silence.text);
    assert.equal((await mod1.client.delete(`/api/moderation/sanctions/${silence.body.id}`)).status, 200);
    const account = await server.runtime.ctx.database.db.selectFrom('accounts').select(['suspended_until', 'silenced_until']).where('member_id', '=', target.id).executeTakeFirstOrThrow();
    assert.equal(account.suspended_until?.toISOString(), until);
    assert.equal(account.silenced_until, null);
    const history = await mod1.client.get<{ items: { kind: string; active: boolean }[] }>(`/api/moderation/members/${target.id}/sanctions`);
    assert.deepEqual(history.body.items.map((s) => [s.kind, s.active]), [['silence', false], ['suspension', true]]);
    assert.equal((await admin.client.delete(`/api/admin/members/${target.id}/suspension`)).status, 200);
    assert.equal((await server.client().post('/api/session', { login: target.username, password: target.password })).status, 200, 'lifted');
  });

  test('a first silence without hours lasts the ladder\'s first step, a day', async () => {
    const target = await createMember(server);
    const silenced = await mod1.client.post<{ startsAt: string; endsAt: string; active: boolean }>(`/api/moderation/members/${target.id}/sanctions`, { kind: 'silence', reason: 'Heated', guideline: 'be-kind' });
    assert.equal(silenced.status, 201, silenced.text);
    assert.equal(Date.parse(silenced.body.endsAt) - Date.parse(silenced.body.startsAt), 24 * 3_600_000);
    assert.equal(silenced.body.active, true);
  });

  test('a ban blocks the email from signing up again', async () => {
    const banned = await createMember(server);
    const reply = await admin.client.post(`/api/moderation/members/${banned.id}/sanctions`, { kind: 'ban', reason: 'Spam wave', guideline: 'no-spam', hours: 720 });
    assert.equal(reply.status, 201, reply.text);
    assertError(await banned.client.post('/api/session', { login: banned.username, password: banned.password }), 403, 'account_suspended');
    const again = await server.client().post('/api/users', { username: `${banned.username}x`, email: banned.email.toUpperCase(), password: 'a long password 123', acceptGuidelines: true });
    assertError(again, 403, 'account_banned');
  });

  test('rules: unsafe and invalid regexes are refused at save time', async () => {
    const rule = (pattern: string) => ({ name: 'regex', enabled: true, conditions: [{ type: 'regex', pattern }], actions: [{ type: 'hold' }] });
    assertError(await mod1.client.post('/api/moderation/automod/rules', rule('(a+)+$')), 400, 'unsafe_regex', 'conditions/0/pattern');
    assertError(await mod1.client.post('/api/moderation/automod/rules', rule('(')), 400, 'invalid_regex');
    assertError(await reader.client.post('/api/moderation/automod/rules', rule('free')), 403, 'forbidden');
  });

  test('rules: dry-run shows what a rule would catch and warns when it is broad; enabled rules hold, reject and count hits', async () => {
    const poster = await createMember(server);
    await server.runtime.ctx.database.db.updateTable('members').set({ trust_level: 2 }).where('id', '=', poster.id).execute();
    const t = await createTopic(poster.client, space.id, 'I sell cheap watches today', 'Watches');
    await createTopic(poster.client, space.id, 'Nothing to see here', 'Plain');
    const words = { name: 'Watches', enabled: false, conditions: [{ type: 'words', words: ['watches'] }], actions: [{ type: 'hold' }], message: 'Selling is not allowed here' };
    const dry = await mod1.client.post<{ scanned: number; matched: number; held: number; warning: string | null; samples: { postId: number; evidence: string[] }[] }>('/api/moderation/automod/dry-run', { rule: words, days: 7 });
    assert.equal(dry.status, 200, dry.text);
    assert.ok(dry.body.scanned >= 2);
    assert.equal(dry.body.matched, 1);
    assert.equal(dry.body.samples[0]?.postId, t.posts[0]?.id);
    assert.match(dry.body.warning ?? '', /caught/, 'one post in two is more than the 5% warning share');
    const created = await mod1.client.post<{ id: number; hits: number }>('/api/moderation/automod/rules', { ...words, enabled: true });
    assert.equal(created.status, 201, created.text);
    const heldReply = await poster.client.post<Held>(`/api/topics/${t.id}/posts`, { body: 'More watches for sale' });
    assert.equal(heldReply.status, 202, heldReply.text);
    assert.equal(heldReply.body.reason.message, 'Selling is not allowed here');
    assert.equal(heldReply.body.reason.ruleId, created.body.id);
    const rejecting = await mod1.client.post<{ id: number }>('/api/moderation/automod/rules', { name: 'No casinos', enabled: true, conditions: [{ type: 'words', words: ['casino'] }], actions: [{ type: 'reject' }], message: 'No gambling links' });
    assertError(await poster.client.post(`/api/topics/${t.id}/posts`, { body: 'best casino bonus' }), 422, 'post_rejected', 'body');
    const list = await mod1.client.get<{ items: { id: number; hits: number }[] }>('/api/moderation/automod/rules');
    assert.equal(list.body.items.find((r) => r.id === created.body.id)?.hits, 1);
    assert.equal(list.body.items.find((r) => r.id === rejecting.body.id)?.hits, 1);
    const order = await mod1.client.put<{ items: { id: number }[] }>('/api/moderation/automod/order', { ids: [rejecting.body.id, created.body.id] });
    assert.deepEqual(order.body.items.map((r) => r.id), [rejecting.body.id, created.body.id]);
    assert.ok((await audit('automod.create')).length >= 2);

    // Rules that read links and the author's recent posts get those facts on the create path too.
    await mod1.client.post('/api/moderation/automod/rules', { name: 'Shady links', enabled: true, conditions: [{ type: 'links', domains: ['shady.example'] }], actions: [{ type: 'hold' }] });
    await mod1.client.post('/api/moderation/automod/rules', { name: 'Repeats', enabled: true, conditions: [{ type: 'duplicate', withinHours: 1 }], actions: [{ type: 'hold' }] });
    const linked = await poster.client.post<Held>(`/api/topics/${t.id}/posts`, { body: 'Read https://www.shady.example/offer now' });
    assert.equal(linked.status, 202, linked.text);
    assert.equal(linked.body.reason.rule, 'Shady links');
    assert.equal((await poster.client.post(`/api/topics/${t.id}/posts`, { body: 'A thought I want to share twice' })).status, 201);
    const repeated = await poster.client.post<Held>(`/api/topics/${t.id}/posts`, { body: 'A thought I want to share twice' });
    assert.equal(repeated.status, 202, repeated.text);
    assert.equal(repeated.body.reason.rule, 'Repeats');
  });
});
