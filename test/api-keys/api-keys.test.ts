// API keys: creation rules, the key shown once and stored as a hash, Bearer authentication capped by
// scope, last-used time, and revocation that takes effect at once.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

interface KeyView {
  id: number;
  memberId: number;
  name: string;
  prefix: string;
  scope: 'read' | 'write' | 'admin';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type CreatedKey = KeyView & { key: string };

const sha256 = (value: string): string => crypto.createHash('sha256').update(value).digest('hex');

let server: TestServer;
let member: TestMember;
let other: TestMember;
let moderator: TestMember;
let admin: TestMember;

before(async () => {
  server = await startTestServer();
  [member, other, moderator, admin] = await Promise.all([
    createMember(server, 'member'),
    createMember(server, 'member'),
    createMember(server, 'moderator'),
    createMember(server, 'admin'),
  ]);
});
after(() => server?.close());

async function keyRow(id: number) {
  return server.runtime.ctx.database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

describe('POST /api/api-keys', () => {
  test('401 without credentials', async () => {
    const reply = await server.client().post<ErrorReply>('/api/api-keys', { name: 'bot', scope: 'read' });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('400 invalid_request for a bad scope, an empty or missing name, or an unknown field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'bot', scope: 'superuser' }, 'scope'],
      [{ name: 'bot' }, 'scope'],
      [{ name: '', scope: 'read' }, 'name'],
      [{ name: 'x'.repeat(81), scope: 'read' }, 'name'],
      [{ scope: 'read' }, 'name'],
      [{ name: 'bot', scope: 'read', extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const reply = await member.client.post<ErrorReply>('/api/api-keys', body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request', JSON.stringify(body));
      assert.equal(reply.body.error.field, field, JSON.stringify(body));
    }
    const memberId = await server.runtime.ctx.database.db.selectFrom('api_keys').select('id').where('member_id', '=', member.id).execute();
    assert.equal(memberId.length, 0, 'no key was stored by rejected requests');
  });

  test('403 csrf_failed on a cookie write without the CSRF token, and nothing is created', async () => {
    const reply = await member.client.post<ErrorReply>('/api/api-keys', { name: 'no csrf', scope: 'read' }, { noCsrf: true });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'csrf_failed');
    const wrong = await member.client.post<ErrorReply>('/api/api-keys', { name: 'no csrf', scope: 'read' }, { headers: { 'x-csrf-token': 'wrong' }, noCsrf: true });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error.code, 'csrf_failed');
    const rows = await server.runtime.ctx.database.db.selectFrom('api_keys').select('id').where('name', '=', 'no csrf').execute();
    assert.equal(rows.length, 0);
  });

  test('403 when a plain member asks for the admin scope; moderators and admins may hold it', async () => {
    const denied = await member.client.post<ErrorReply>('/api/api-keys', { name: 'too strong', scope: 'admin' });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'forbidden');
    assert.equal(denied.body.error.field, 'scope');
    for (const staff of [moderator, admin]) {
      const reply = await staff.client.post<CreatedKey>('/api/api-keys', { name: 'staff key', scope: 'admin' });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.scope, 'admin');
      assert.equal(reply.body.memberId, staff.id);
    }
  });

  test('201: the key is shown once with its id at the top level; lists never show it or its hash', async () => {
    const reply = await member.client.post<CreatedKey>('/api/api-keys', { name: '  my bot  ', scope: 'read' });
    assert.equal(reply.status, 201);
    const created = reply.body;
    assert.equal(typeof created.id, 'number');
    assert.equal(created.memberId, member.id);
    assert.equal(created.name, 'my bot', 'the name is trimmed');
    assert.equal(created.scope, 'read');
    assert.match(created.key, /^hearth_[A-Za-z0-9_-]{40,}$/);
    assert.equal(created.prefix, created.key.slice(0, 'hearth_'.length + 6));
    assert.ok(!Number.isNaN(Date.parse(created.createdAt)));
    assert.equal(created.lastUsedAt, null);
    assert.equal(created.revokedAt, null);

    const list = await member.client.get<{ items: KeyView[] }>('/api/api-keys');
    assert.equal(list.status, 200);
    const listed = list.body.items.find((k) => k.id === created.id);
    assert.ok(listed, 'the new key is listed');
    assert.equal(listed.prefix, created.prefix);
    assert.ok(!('key' in listed));
    assert.ok(!list.text.includes(created.key), 'the list never contains the key');
    assert.ok(!list.text.includes(sha256(created.key)), 'the list never contains the key hash');
    assert.ok(!/key_?hash/i.test(list.text));
    assert.ok(list.body.items.every((k) => k.memberId === member.id), 'a member lists only their own keys');

    const audit = await server.runtime.ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'apiKey.create')
      .where('target_id', '=', String(created.id))
      .executeTakeFirst();
    assert.ok(audit, 'creation is audited');
    assert.equal(Number(audit.actor_id), member.id);
    assert.ok(!JSON.stringify(audit).includes(created.key), 'the audit log does not hold the key');
  });

  test('the database stores only the SHA-256 of the key', async () => {
    const created = await createApiKey(member, 'write');
    const row = await keyRow(created.id);
    assert.ok(row);
    assert.equal(row.key_hash, sha256(created.key));
    assert.ok(!Object.values(row).some((v) => typeof v === 'string' && v.includes(created.key)), 'no column holds the plaintext key');
    const anywhere = await server.runtime.ctx.database.db.selectFrom('api_keys').select('id').where('key_hash', '=', created.key).execute();
    assert.equal(anywhere.length, 0);
  });

  test('a member cannot create or list keys for someone else (403); an admin can', async () => {
    const denied = await member.client.post<ErrorReply>('/api/api-keys', { name: 'theirs', scope: 'read', memberId: other.id });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'forbidden');
    const deniedList = await member.client.get<ErrorReply>(`/api/api-keys?memberId=${other.id}`);
    assert.equal(deniedList.status, 403);
    assert.equal(deniedList.body.error.code, 'forbidden');
    const moderatorDenied = await moderator.client.post<ErrorReply>('/api/api-keys', { name: 'theirs', scope: 'read', memberId: other.id });
    assert.equal(moderatorDenied.status, 403);

    const created = await admin.client.post<CreatedKey>('/api/api-keys', { name: 'for other', scope: 'write', memberId: other.id });
    assert.equal(created.status, 201);
    assert.equal(created.body.memberId, other.id);
    const me = await server.client().get<{ id: number }>('/api/me', { apiKey: created.body.key });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, other.id, 'the key acts as its owner, not as the admin');

    const listed = await admin.client.get<{ items: KeyView[] }>(`/api/api-keys?memberId=${other.id}`);
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.some((k) => k.id === created.body.id));
    assert.ok(listed.body.items.every((k) => k.memberId === other.id));

    const adminScope = await admin.client.post<ErrorReply>('/api/api-keys', { name: 'nope', scope: 'admin', memberId: other.id });
    assert.equal(adminScope.status, 403, 'a plain member cannot hold an admin key, even one made by an admin');
    assert.equal(adminScope.body.error.field, 'scope');

    const unknown = await admin.client.post<ErrorReply>('/api/api-keys', { name: 'ghost', scope: 'read', memberId: 99_999_999 });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
  });

  test('GET /api/api-keys is 401 without credentials and 400 for a bad query', async () => {
    const anonymous = await server.client().get<ErrorReply>('/api/api-keys');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthorized');
    const bad = await member.client.get<ErrorReply>('/api/api-keys?memberId=abc');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_request');
    assert.equal(bad.body.error.field, 'memberId');
  });
});

describe('Bearer authentication', () => {
  test('a key authenticates GET /api/me without cookies or CSRF', async () => {
    const { key } = await createApiKey(member, 'read');
    const client = server.client();
    const reply = await client.get<{ id: number; username: string }>('/api/me', { apiKey: key });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, member.id);
    assert.equal(reply.body.username, member.username);
    assert.equal(reply.headers.get('set-cookie'), null, 'an API key call starts no session');
  });

  test('a read key can read but not write (403 insufficient_scope)', async () => {
    const { key } = await createApiKey(member, 'read');
    const write = await server.client().patch<ErrorReply>('/api/me', { bio: 'from a read key' }, { apiKey: key });
    assert.equal(write.status, 403);
    assert.equal(write.body.error.code, 'insufficient_scope');
    const createKey = await server.client().post<ErrorReply>('/api/api-keys', { name: 'escalate', scope: 'write' }, { apiKey: key });
    assert.equal(createKey.status, 403);
    assert.equal(createKey.body.error.code, 'insufficient_scope');
    const row = await server.runtime.ctx.database.db.selectFrom('members').select('bio').where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.notEqual(row.bio, 'from a read key');
    const read = await server.client().get('/api/api-keys', { apiKey: key });
    assert.equal(read.status, 200);
  });

  test('a write key can write as its member without CSRF, but cannot make staff calls', async () => {
    const { key } = await createApiKey(member, 'write');
    const reply = await server.client().patch<{ id: number; displayName: string }>('/api/me', { displayName: 'Written By Key' }, { apiKey: key });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, member.id);
    assert.equal(reply.body.displayName, 'Written By Key');
    const row = await server.runtime.ctx.database.db.selectFrom('members').select('display_name').where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.equal(row.display_name, 'Written By Key');
    const me = await server.client().get<{ displayName: string }>('/api/me', { apiKey: key });
    assert.equal(me.body.displayName, 'Written By Key', 'the cached profile was refreshed');

    const adminKeyOfAdmin = await createApiKey(admin, 'write');
    const staffCall = await server.client().get<ErrorReply>('/api/admin/settings', { apiKey: adminKeyOfAdmin.key });
    assert.equal(staffCall.status, 403);
    assert.equal(staffCall.body.error.code, 'insufficient_scope');
  });

  test('an admin-scope key of an admin makes staff calls; of a moderator, only what moderators may', async () => {
    const adminKey = await createApiKey(admin, 'admin');
    const settings = await server.client().get<{ siteName: string }>('/api/admin/settings', { apiKey: adminKey.key });
    assert.equal(settings.status, 200);
    assert.equal(typeof settings.body.siteName, 'string');
    const moderatorKey = await createApiKey(moderator, 'admin');
    const denied = await server.client().get<ErrorReply>('/api/admin/settings', { apiKey: moderatorKey.key });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'forbidden');
  });

  test('lastUsedAt is null before the first use and set after it', async () => {
    const created = await createApiKey(member, 'read');
    const listBefore = await member.client.get<{ items: KeyView[] }>('/api/api-keys');
    assert.equal(listBefore.body.items.find((k) => k.id === created.id)?.lastUsedAt, null);
    const startedAt = Date.now();
    const use = await server.client().get('/api/me', { apiKey: created.key });
    assert.equal(use.status, 200);
    const listAfter = await member.client.get<{ items: KeyView[] }>('/api/api-keys');
    const lastUsedAt = listAfter.body.items.find((k) => k.id === created.id)?.lastUsedAt;
    assert.ok(lastUsedAt, 'lastUsedAt is set');
    assert.ok(Date.parse(lastUsedAt) >= startedAt - 2000 && Date.parse(lastUsedAt) <= Date.now() + 2000);
    const row = await keyRow(created.id);
    assert.ok(row?.last_used_at instanceof Date);
  });

  test('a wrong, garbage or malformed credential is 401', async () => {
    const { key } = await createApiKey(member, 'read');
    for (const bad of [`${key}x`, 'hearth_not-a-real-key', 'garbage']) {
      const reply = await server.client().get<ErrorReply>('/api/me', { apiKey: bad });
      assert.equal(reply.status, 401, bad);
      assert.equal(reply.body.error.code, 'unauthorized');
    }
    for (const header of [`Basic ${key}`, 'Bearer', `Bearer ${key} extra`]) {
      const reply = await server.client().get<ErrorReply>('/api/me', { headers: { authorization: header } });
      assert.equal(reply.status, 401, header);
      assert.equal(reply.body.error.code, 'unauthorized');
    }
    const publicRoute = await server.client().get<ErrorReply>('/api/site', { apiKey: 'garbage' });
    assert.equal(publicRoute.status, 401, 'a bad key is refused even on a public route, never ignored');
  });
});

describe('DELETE /api/api-keys/:id', () => {
  test('401 without credentials, 400 for a bad id, 403 without CSRF, 404 for an unknown key', async () => {
    const { id } = await createApiKey(member, 'read');
    const anonymous = await server.client().delete<ErrorReply>(`/api/api-keys/${id}`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthorized');
    const bad = await member.client.delete<ErrorReply>('/api/api-keys/abc');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_request');
    assert.equal(bad.body.error.field, 'id');
    const zero = await member.client.delete<ErrorReply>('/api/api-keys/0');
    assert.equal(zero.status, 400);
    assert.equal(zero.body.error.field, 'id');
    const noCsrf = await member.client.delete<ErrorReply>(`/api/api-keys/${id}`, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const unknown = await member.client.delete<ErrorReply>('/api/api-keys/99999999');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
    assert.equal((await keyRow(id))?.revoked_at, null, 'the key is still live');
  });

  test('revoking a key stops it at once, even right after it was used (and cached)', async () => {
    const created = await createApiKey(member, 'write');
    assert.equal((await server.client().get('/api/me', { apiKey: created.key })).status, 200);
    const revoke = await member.client.delete(`/api/api-keys/${created.id}`);
    assert.equal(revoke.status, 204);
    assert.equal(revoke.text, '');
    const after = await server.client().get<ErrorReply>('/api/me', { apiKey: created.key });
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'unauthorized');

    const row = await keyRow(created.id);
    assert.ok(row?.revoked_at instanceof Date);
    const live = await member.client.get<{ items: KeyView[] }>('/api/api-keys');
    assert.ok(!live.body.items.some((k) => k.id === created.id), 'revoked keys are hidden by default');
    const all = await member.client.get<{ items: KeyView[] }>('/api/api-keys?includeRevoked=true');
    assert.ok(all.body.items.find((k) => k.id === created.id)?.revokedAt);

    const again = await member.client.delete(`/api/api-keys/${created.id}`);
    assert.equal(again.status, 204, 'revoking twice is harmless');
    const audits = await server.runtime.ctx.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'apiKey.revoke')
      .where('target_id', '=', String(created.id))
      .execute();
    assert.equal(audits.length, 1, 'one audit entry per revocation');
  });

  test('a key can revoke itself with the write scope; a read key cannot revoke', async () => {
    const readKey = await createApiKey(member, 'read');
    const denied = await server.client().delete<ErrorReply>(`/api/api-keys/${readKey.id}`, { apiKey: readKey.key });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'insufficient_scope');
    const writeKey = await createApiKey(member, 'write');
    const self = await server.client().delete(`/api/api-keys/${writeKey.id}`, { apiKey: writeKey.key });
    assert.equal(self.status, 204);
    assert.equal((await server.client().get('/api/me', { apiKey: writeKey.key })).status, 401);
  });

  test("someone else's key is 404 for a member or a moderator (its existence is not revealed)", async () => {
    const theirs = await createApiKey(other, 'read');
    for (const actor of [member, moderator]) {
      const reply = await actor.client.delete<ErrorReply>(`/api/api-keys/${theirs.id}`);
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, 'not_found');
    }
    assert.equal((await keyRow(theirs.id))?.revoked_at, null);
    assert.equal((await server.client().get('/api/me', { apiKey: theirs.key })).status, 200, 'the key still works');
  });

  test("an admin can revoke anyone's key, and it stops working at once", async () => {
    const theirs = await createApiKey(other, 'write');
    assert.equal((await server.client().get('/api/me', { apiKey: theirs.key })).status, 200);
    const reply = await admin.client.delete(`/api/api-keys/${theirs.id}`);
    assert.equal(reply.status, 204);
    const after = await server.client().get<ErrorReply>('/api/me', { apiKey: theirs.key });
    assert.equal(after.status, 401);
    const audit = await server.runtime.ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'apiKey.revoke')
      .where('target_id', '=', String(theirs.id))
      .executeTakeFirstOrThrow();
    assert.equal(Number(audit.actor_id), admin.id);
  });
});
