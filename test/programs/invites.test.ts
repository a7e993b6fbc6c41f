// Invites and advocacy: making, listing and revoking personal invite links, the public check of a
// code, sign-ups redeemed atomically with the account (single-use, multi-use, expired, revoked, raced,
// with sign-up approval), and the staff advocates list with invited and still-active counts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashInviteCode, inviteLimits, inviteStatus, newInviteCode } from '../../src/server/features/programs/invites';
import { PASSWORD, createMember, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic } from '../discussions/helpers';

interface Invite {
  id: number;
  hint: string;
  note: string;
  maxUses: number | null;
  uses: number;
  status: string;
  expiresAt: string;
  revokedAt: string | null;
  members: { id: number; username: string | null; displayName: string }[];
}
interface Created extends Invite {
  code: string;
  url: string;
}
interface Advocates {
  days: number;
  activeDays: number;
  items: { member: { id: number; username: string | null; displayName: string }; invited: number; active: number }[];
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let alice: TestMember;
let bob: TestMember;

const db = () => server.runtime.ctx.database.db;
const DAY = 86_400_000;

async function invite(m: TestMember, body: Record<string, unknown> = {}): Promise<Created> {
  const reply = await m.client.post<Created>('/api/invites', body);
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

/** Signs up through POST /api/users as a visitor would, with an invite code. */
async function signUpWith(inviteCode: string | undefined, name = uniqueName('invited')) {
  const client = server.client();
  const reply = await client.post<{ id: number; approvalRequired: boolean }>('/api/users', {
    username: name, email: `${name}@example.com`, password: PASSWORD, acceptGuidelines: true, displayName: `Display ${name}`, ...(inviteCode ? { inviteCode } : {}),
  });
  return { reply, name, client };
}

async function accountExists(username: string): Promise<boolean> {
  return (await db().selectFrom('accounts').select('member_id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

async function mine(m: TestMember, query = ''): Promise<{ items: Invite[]; nextCursor: string | null }> {
  const reply = await m.client.get<{ items: Invite[]; nextCursor: string | null }>(`/api/invites${query}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

async function setSetting(patch: Record<string, unknown>): Promise<void> {
  const reply = await admin.client.patch('/api/admin/settings', patch);
  assert.equal(reply.status, 200, reply.text);
}

describe('invite rules', () => {
  test('a code is 128 random bits, URL-safe; only its hash and a short hint are kept', () => {
    const a = newInviteCode();
    const b = newInviteCode();
    assert.match(a.code, /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(a.code, b.code);
    assert.equal(a.hash, hashInviteCode(a.code));
    assert.match(a.hash, /^[0-9a-f]{64}$/);
    assert.equal(a.hint, a.code.slice(0, inviteLimits.hintLength));
  });

  test('status: revoked, then used up, then expired, else active', () => {
    const now = new Date('2030-01-02T00:00:00Z');
    const later = new Date('2030-01-03T00:00:00Z');
    const earlier = new Date('2030-01-01T00:00:00Z');
    assert.equal(inviteStatus({ max_uses: 1, uses: 0, expires_at: later, revoked_at: null }, now), 'active');
    assert.equal(inviteStatus({ max_uses: null, uses: 500, expires_at: later, revoked_at: null }, now), 'active');
    assert.equal(inviteStatus({ max_uses: 1, uses: 1, expires_at: later, revoked_at: null }, now), 'used_up');
    assert.equal(inviteStatus({ max_uses: 3, uses: 1, expires_at: earlier, revoked_at: null }, now), 'expired');
    assert.equal(inviteStatus({ max_uses: 3, uses: 1, expires_at: now, revoked_at: null }, now), 'expired');
    assert.equal(inviteStatus({ max_uses: 1, uses: 1, expires_at: earlier, revoked_at: earlier }, now), 'revoked');
  });
});

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
  [moderator, alice, bob] = await Promise.all([createMember(server, 'moderator'), createMember(server), createMember(server)]);
});
after(() => server?.close());

describe('POST /api/invites', () => {
  test('401, 400; 201 single-use for 7 days by default, the link shown once and only a hash stored', async () => {
    assert.equal((await server.client().post('/api/invites', {})).status, 401);
    assertError(await alice.client.post('/api/invites', { expiresInDays: 0 }), 400, 'invalid_request');
    assertError(await alice.client.post('/api/invites', { expiresInDays: 91 }), 400, 'invalid_request');
    assertError(await alice.client.post('/api/invites', { maxUses: 0 }), 400, 'invalid_request');
    assertError(await alice.client.post('/api/invites', { maxUses: 1001 }), 400, 'invalid_request');
    assertError(await alice.client.post('/api/invites', { note: 'x'.repeat(201) }), 400, 'invalid_request');
    assertError(await alice.client.post('/api/invites', { uses: 5 }), 400, 'invalid_request');

    const before = Date.now();
    const created = await invite(alice, { note: '  for Carol  ' });
    assert.equal(created.maxUses, 1);
    assert.equal(created.uses, 0);
    assert.equal(created.status, 'active');
    assert.equal(created.note, 'for Carol');
    assert.deepEqual(created.members, []);
    const expires = Date.parse(created.expiresAt);
    assert.ok(expires >= before + 7 * DAY - 1000 && expires <= Date.now() + 7 * DAY + 1000, created.expiresAt);
    assert.match(created.code, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(created.url.endsWith(`/signup?invite=${created.code}`), created.url);
    assert.equal(created.hint, created.code.slice(0, 4));

    const stored = await db().selectFrom('invites').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.equal(stored.code_hash, hashInviteCode(created.code));
    assert.equal(JSON.stringify(stored).includes(created.code), false, 'the code itself is not stored');
    const listed = (await mine(alice)).items.find((i) => i.id === created.id);
    assert.ok(listed);
    assert.equal('code' in listed, false, 'the list does not show the code again');

    const multi = await invite(alice, { maxUses: null, expiresInDays: 90 });
    assert.equal(multi.maxUses, null);
    assert.ok(Date.parse(multi.expiresAt) > Date.now() + 89 * DAY);
    const activity = await db().selectFrom('activities').select('kind').where('member_id', '=', alice.id).where('kind', '=', 'invite.created').execute();
    assert.equal(activity.length, 2);
  });

  test(`409 invite_limit past ${inviteLimits.activePerMember} active invites; expired and revoked ones do not count`, async () => {
    const busy = await createMember(server);
    const made: Created[] = [];
    for (let i = 0; i < inviteLimits.activePerMember; i++) made.push(await invite(busy));
    assertError(await busy.client.post('/api/invites', {}), 409, 'invite_limit');
    assert.equal((await busy.client.delete(`/api/invites/${made[0]?.id}`)).status, 204);
    await db().updateTable('invites').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', made[1]?.id ?? 0).execute();
    await invite(busy);
    await invite(busy);
    assertError(await busy.client.post('/api/invites', {}), 409, 'invite_limit');
  });
});

describe('GET /api/invites/{code} (public)', () => {
  test('400 malformed, 404 unknown; 200 with the inviter\'s display name only; 410 expired, used up, revoked', async () => {
    assertError(await server.client().get('/api/invites/short'), 400, 'invalid_request');
    assertError(await server.client().get(`/api/invites/${newInviteCode().code}`), 404, 'invite_not_found');

    await alice.client.patch('/api/me', { displayName: 'Alice Inviter' });
    const created = await invite(alice);
    const ok = await server.client().get<Record<string, unknown>>(`/api/invites/${created.code}`);
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(Object.keys(ok.body).sort(), ['expiresAt', 'inviter', 'valid']);
    assert.deepEqual(ok.body.inviter, { displayName: 'Alice Inviter' });
    assert.equal(ok.body.valid, true);

    await db().updateTable('invites').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', created.id).execute();
    assertError(await server.client().get(`/api/invites/${created.code}`), 410, 'invite_expired');
    const used = await invite(alice);
    assert.equal((await signUpWith(used.code)).reply.status, 201);
    assertError(await server.client().get(`/api/invites/${used.code}`), 410, 'invite_used_up');
    const revoked = await invite(alice);
    assert.equal((await alice.client.delete(`/api/invites/${revoked.id}`)).status, 204);
    assertError(await server.client().get(`/api/invites/${revoked.code}`), 410, 'invite_revoked');
  });
});

describe('sign-up with an invite code', () => {
  test('attributed to the inviter; a used, unknown, expired or revoked code is 400 invite_invalid and creates no account', async () => {
    const single = await invite(bob);
    const first = await signUpWith(single.code);
    assert.equal(first.reply.status, 201, first.reply.text);
    const listed = (await mine(bob)).items.find((i) => i.id === single.id);
    assert.deepEqual([listed?.uses, listed?.status, listed?.members.map((m) => m.username)], [1, 'used_up', [first.name]]);
    assert.equal(listed?.members[0]?.displayName, `Display ${first.name}`);
    const redemption = await db().selectFrom('invite_redemptions').selectAll().where('member_id', '=', first.reply.body.id).executeTakeFirstOrThrow();
    assert.equal(redemption.invite_id, single.id);
    const joined = await db().selectFrom('activities').select(['kind', 'props']).where('member_id', '=', first.reply.body.id).where('kind', '=', 'invite.redeemed').executeTakeFirstOrThrow();
    assert.deepEqual(joined.props, { inviteId: single.id, inviterId: bob.id });
    // The new member is signed in and can use the site.
    assert.equal((await first.client.get('/api/me')).status, 200);

    const again = await signUpWith(single.code);
    assertError(again.reply, 400, 'invite_invalid', 'inviteCode');
    assert.equal(await accountExists(again.name), false, 'no account for a refused code');
    const unknown = await signUpWith(newInviteCode().code);
    assertError(unknown.reply, 400, 'invite_invalid');
    assert.equal(await accountExists(unknown.name), false);

    const expired = await invite(bob, { maxUses: 5 });
    await db().updateTable('invites').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.id).execute();
    assertError((await signUpWith(expired.code)).reply, 400, 'invite_invalid');
    const revoked = await invite(bob, { maxUses: 5 });
    assert.equal((await bob.client.delete(`/api/invites/${revoked.id}`)).status, 204);
    assertError((await signUpWith(revoked.code)).reply, 400, 'invite_invalid');
  });

  test('a suspended or banned inviter\'s links bring nobody in meanwhile', async () => {
    const carol = await createMember(server);
    const link = await invite(carol, { maxUses: null });
    await db().updateTable('accounts').set({ suspended_until: new Date(Date.now() + DAY) }).where('member_id', '=', carol.id).execute();
    assertError(await server.client().get(`/api/invites/${link.code}`), 410, 'invite_revoked');
    const refused = await signUpWith(link.code);
    assertError(refused.reply, 400, 'invite_invalid', 'inviteCode');
    assert.equal(await accountExists(refused.name), false);
    await db().updateTable('accounts').set({ suspended_until: new Date(Date.now() - 1000) }).where('member_id', '=', carol.id).execute();
    assert.equal((await server.client().get(`/api/invites/${link.code}`)).status, 200, 'the suspension is over');
    assert.equal((await signUpWith(link.code)).reply.status, 201);
  });

  test('no code: a plain sign-up, attributed to nobody', async () => {
    const plain = await signUpWith(undefined);
    assert.equal(plain.reply.status, 201, plain.reply.text);
    assert.equal(await db().selectFrom('invite_redemptions').select('invite_id').where('member_id', '=', plain.reply.body.id).executeTakeFirst(), undefined);
    const empty = await server.client().post('/api/users', { username: uniqueName('e'), email: `${uniqueName('e')}@example.com`, password: PASSWORD, acceptGuidelines: true, inviteCode: '' });
    assertError(empty, 400, 'invalid_request', 'inviteCode');
  });

  test('multi-use: up to maxUses sign-ups; unlimited until it expires', async () => {
    const two = await invite(bob, { maxUses: 2 });
    assert.equal((await signUpWith(two.code)).reply.status, 201);
    assert.equal((await signUpWith(two.code)).reply.status, 201);
    assertError((await signUpWith(two.code)).reply, 400, 'invite_invalid');
    const open = await invite(bob, { maxUses: null });
    for (let i = 0; i < 3; i++) assert.equal((await signUpWith(open.code)).reply.status, 201);
    const listed = (await mine(bob)).items.find((i) => i.id === open.id);
    assert.deepEqual([listed?.uses, listed?.status, listed?.members.length], [3, 'active', 3]);
  });

  test('concurrent sign-ups on the last use: exactly one gets it', async () => {
    const single = await invite(bob);
    const results = await Promise.all([signUpWith(single.code), signUpWith(single.code), signUpWith(single.code)]);
    const statuses = results.map((r) => r.reply.status).sort();
    assert.deepEqual(statuses, [201, 400, 400], results.map((r) => r.reply.text).join('\n'));
    const row = await db().selectFrom('invites').select('uses').where('id', '=', single.id).executeTakeFirstOrThrow();
    assert.equal(row.uses, 1);
    for (const r of results) assert.equal(await accountExists(r.name), r.reply.status === 201);
  });

  test('with sign-up approval on, the invited account still waits for a moderator, and is attributed', async () => {
    await setSetting({ approveSignups: true });
    try {
      const created = await invite(bob);
      const pending = await signUpWith(created.code);
      assert.equal(pending.reply.status, 201, pending.reply.text);
      assert.equal(pending.reply.body.approvalRequired, true);
      const account = await db().selectFrom('accounts').select('approval_pending').where('member_id', '=', pending.reply.body.id).executeTakeFirstOrThrow();
      assert.equal(account.approval_pending, true);
      assert.equal((await mine(bob)).items.find((i) => i.id === created.id)?.uses, 1);
    } finally {
      await setSetting({ approveSignups: false });
    }
  });

  test('with sign-ups closed, only a valid invite lets a visitor in (invite-only community)', async () => {
    await setSetting({ allowSignups: false });
    try {
      const plain = await signUpWith(undefined);
      assertError(plain.reply, 403, 'forbidden');
      assert.equal(await accountExists(plain.name), false);
      const bogus = await signUpWith(newInviteCode().code);
      assertError(bogus.reply, 400, 'invite_invalid', 'inviteCode');
      assert.equal(await accountExists(bogus.name), false);
      const created = await invite(alice);
      const invited = await signUpWith(created.code);
      assert.equal(invited.reply.status, 201, invited.reply.text);
      assert.equal((await mine(alice)).items.find((i) => i.id === created.id)?.uses, 1);
    } finally {
      await setSetting({ allowSignups: true });
    }
  });
});

describe('GET /api/invites and DELETE /api/invites/{id}', () => {
  test('my invites only, newest first, paged', async () => {
    assert.equal((await server.client().get('/api/invites')).status, 401);
    assertError(await alice.client.get('/api/invites?cursor=nonsense'), 400, 'invalid_request', 'cursor');
    const carol = await createMember(server);
    const older = await invite(carol, { note: 'older' });
    const newer = await invite(carol, { note: 'newer' });
    await invite(alice);
    const page1 = await mine(carol, '?limit=1');
    assert.deepEqual(page1.items.map((i) => i.id), [newer.id]);
    assert.ok(page1.nextCursor);
    const page2 = await mine(carol, `?limit=1&cursor=${page1.nextCursor}`);
    assert.deepEqual(page2.items.map((i) => i.id), [older.id]);
    assert.equal(page2.nextCursor, null);
  });

  test('401, 400, 404, 403 for someone else\'s; 204 for its inviter and for staff (audited); revoked invites stay listed', async () => {
    const created = await invite(alice);
    assert.equal((await server.client().delete(`/api/invites/${created.id}`)).status, 401);
    assertError(await alice.client.delete('/api/invites/abc'), 400, 'invalid_request');
    assertError(await alice.client.delete('/api/invites/999999'), 404, 'not_found');
    assertError(await bob.client.delete(`/api/invites/${created.id}`), 403, 'forbidden');
    assert.equal((await alice.client.delete(`/api/invites/${created.id}`)).status, 204);
    assert.equal((await alice.client.delete(`/api/invites/${created.id}`)).status, 204, 'revoking twice is fine');
    const listed = (await mine(alice)).items.find((i) => i.id === created.id);
    assert.equal(listed?.status, 'revoked');
    assert.ok(listed?.revokedAt);

    const other = await invite(bob);
    assert.equal((await moderator.client.delete(`/api/invites/${other.id}`)).status, 204);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'action', 'target_id']).where('action', '=', 'invite.revoke').execute();
    assert.deepEqual(audit, [{ actor_id: moderator.id, action: 'invite.revoke', target_id: String(other.id) }]);
    assertError((await signUpWith(other.code)).reply, 400, 'invite_invalid');
  });
});

describe('GET /api/invites/advocates', () => {
  test('401, 403 for members, 400; per inviter: invited in the period and still active, most active first', async () => {
    assert.equal((await server.client().get('/api/invites/advocates')).status, 401);
    assertError(await alice.client.get('/api/invites/advocates'), 403, 'forbidden');
    assertError(await admin.client.get('/api/invites/advocates?days=0'), 400, 'invalid_request');

    const dana = await createMember(server);
    const erin = await createMember(server);
    const danaLink = await invite(dana, { maxUses: null });
    const erinLink = await invite(erin, { maxUses: null });
    const d1 = await signUpWith(danaLink.code);
    const d2 = await signUpWith(danaLink.code);
    const d3 = await signUpWith(danaLink.code);
    const e1 = await signUpWith(erinLink.code);
    const e2 = await signUpWith(erinLink.code);
    const newIds = [d1, d2, d3, e1, e2].map((s) => s.reply.body.id);
    // Nobody has been active yet: joining does not count, and the visits of the sign-up are cleared.
    await db().deleteFrom('member_visits').where('member_id', 'in', newIds).execute();
    await db().updateTable('members').set({ last_seen_at: null }).where('id', 'in', newIds).execute();
    // d1 and d2 take part; e1 came by yesterday; e2 long ago; d3 joined 100 days ago.
    const space = await createSpace(admin.client);
    await createTopic(d1.client, space.id, 'Hello from d1', 'Hi, I am d1');
    await createTopic(d2.client, space.id, 'Hello from d2', 'Hi, I am d2');
    const day = (ago: number) => new Date(Date.now() - ago * DAY).toISOString().slice(0, 10);
    await db().deleteFrom('member_visits').where('member_id', 'in', [e1.reply.body.id, e2.reply.body.id, d3.reply.body.id]).execute();
    await db().insertInto('member_visits').values([{ member_id: e1.reply.body.id, day: day(1) }, { member_id: e2.reply.body.id, day: day(45) }]).execute();
    await db().updateTable('invite_redemptions').set({ redeemed_at: new Date(Date.now() - 100 * DAY) }).where('member_id', '=', d3.reply.body.id).execute();

    const list = async (days?: number) => {
      const reply = await moderator.client.get<Advocates>(`/api/invites/advocates${days ? `?days=${days}` : ''}`);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const row = (view: Advocates, id: number) => view.items.find((i) => i.member.id === id);
    const recent = await list();
    assert.deepEqual([recent.days, recent.activeDays], [90, 30]);
    assert.deepEqual(row(recent, dana.id), { member: { id: dana.id, username: dana.username, displayName: dana.username }, invited: 2, active: 2 });
    assert.deepEqual([row(recent, erin.id)?.invited, row(recent, erin.id)?.active], [2, 1]);
    const order = recent.items.map((i) => i.member.id);
    assert.ok(order.indexOf(dana.id) < order.indexOf(erin.id), 'more active first');
    for (let i = 1; i < recent.items.length; i++) {
      const [a, b] = [recent.items[i - 1], recent.items[i]];
      assert.ok(a && b && (a.active > b.active || (a.active === b.active && a.invited >= b.invited)), 'sorted by active, then invited');
    }
    const year = await list(365);
    assert.deepEqual([row(year, dana.id)?.invited, row(year, dana.id)?.active], [3, 2], 'the older sign-up counts over a year, not active');
    assert.equal(row(await list(1), dana.id)?.invited, 2);
  });
});

// Last: it uses up this address's lookups for the minute.
describe('GET /api/invites/{code}: guessing codes', () => {
  test('at most 60 lookups a minute per address, then 429 rate_limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await server.client().get(`/api/invites/${newInviteCode().code}`)).status);
    assert.ok(statuses.includes(404), statuses.join(','));
    assert.equal(statuses.at(-1), 429, statuses.join(','));
  });
});
