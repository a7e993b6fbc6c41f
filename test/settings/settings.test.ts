// Site settings: the public site facts and guidelines, admin-only reading and changing of settings,
// the guidelines version, and the audit log every admin write lands in.
import assert from 'node:assert/strict';
import { settingDefaults } from '../../src/server/features/settings/settings.schema';
import { after, before, describe, test } from 'node:test';
import type { Reply } from '../support/client';
import { createApiKey, createMember, signUp, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { AuditEntry } from '../support/bodies';

interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

interface SiteInfo {
  name: string;
  description: string;
  version: string;
  allowSignups: boolean;
  needsSetup: boolean;
  emailDelivery: boolean;
  guidelinesVersion: number;
}

interface Settings {
  siteName: string;
  siteDescription: string;
  allowSignups: boolean;
  requireEmailConfirmation: boolean;
  guidelines: string;
  guidelinesVersion: number;
}

interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;
let siteBeforeAdmin: Reply<SiteInfo>;

before(async () => {
  server = await startTestServer();
  siteBeforeAdmin = await server.client().get<SiteInfo>('/api/site');
  [member, moderator, admin] = await Promise.all([createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin')]);
});
after(() => server?.close());

async function patchSettings(body: Partial<Settings>): Promise<Settings> {
  const reply = await admin.client.patch<Settings>('/api/admin/settings', body);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

describe('public site information', () => {
  test('GET /api/site is public, with the defaults, and needsSetup until an admin exists', async () => {
    assert.equal(siteBeforeAdmin.status, 200);
    assert.equal(siteBeforeAdmin.body.needsSetup, true);
    const reply = await server.client().get<SiteInfo>('/api/site');
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body).sort(), ['allowSignups', 'description', 'emailDelivery', 'guidelinesVersion', 'name', 'needsSetup', 'version']);
    assert.equal(typeof reply.body.name, 'string');
    assert.ok(reply.body.name.length > 0);
    assert.equal(typeof reply.body.description, 'string');
    assert.match(reply.body.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof reply.body.allowSignups, 'boolean');
    assert.equal(reply.body.needsSetup, false, 'an admin exists now');
    assert.equal(reply.body.emailDelivery, false, 'no SMTP is configured');
    assert.ok(Number.isInteger(reply.body.guidelinesVersion) && reply.body.guidelinesVersion >= 1);
  });

  test('GET /api/guidelines is public and matches the site guidelines version', async () => {
    const reply = await server.client().get<{ version: number; markdown: string }>('/api/guidelines');
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body).sort(), ['markdown', 'sections', 'version']);
    assert.match(reply.body.markdown, /guidelines/i);
    const site = await server.client().get<SiteInfo>('/api/site');
    assert.equal(reply.body.version, site.body.guidelinesVersion);
  });
});

describe('GET /api/admin/settings', () => {
  test('401 without credentials', async () => {
    const reply = await server.client().get<ErrorReply>('/api/admin/settings');
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('403 for a member and a moderator', async () => {
    for (const actor of [member, moderator]) {
      const reply = await actor.client.get<ErrorReply>('/api/admin/settings');
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
  });

  test('200 for an admin with every setting', async () => {
    const reply = await admin.client.get<Settings>('/api/admin/settings');
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body).sort(), Object.keys(settingDefaults).sort());
    const site = await server.client().get<SiteInfo>('/api/site');
    assert.equal(reply.body.siteName, site.body.name);
    assert.equal(reply.body.siteDescription, site.body.description);
    assert.equal(reply.body.guidelinesVersion, site.body.guidelinesVersion);
  });
});

describe('PATCH /api/admin/settings', () => {
  test('401 without credentials', async () => {
    const reply = await server.client().patch<ErrorReply>('/api/admin/settings', { siteName: 'Nope' });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('400 invalid_request naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'body'],
      [{ siteName: '' }, 'siteName'],
      [{ siteName: 'x'.repeat(81) }, 'siteName'],
      [{ siteDescription: 'x'.repeat(501) }, 'siteDescription'],
      [{ allowSignups: 'perhaps' }, 'allowSignups'],
      [{ guidelines: '' }, 'guidelines'],
      [{ guidelinesVersion: 7 }, 'guidelinesVersion'],
      [{ theme: 'dark' }, 'theme'],
    ];
    const beforeRows = await server.runtime.ctx.database.db.selectFrom('settings').selectAll().execute();
    for (const [body, field] of cases) {
      const reply = await admin.client.patch<ErrorReply>('/api/admin/settings', body);
      assert.equal(reply.status, 400, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field, JSON.stringify(body));
    }
    const afterRows = await server.runtime.ctx.database.db.selectFrom('settings').selectAll().execute();
    assert.deepEqual(afterRows, beforeRows, 'nothing was written');
  });

  test('403 for a member and a moderator, for an admin without CSRF, and for a write-scope key', async () => {
    for (const actor of [member, moderator]) {
      const reply = await actor.client.patch<ErrorReply>('/api/admin/settings', { siteName: 'Taken over' });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const noCsrf = await admin.client.patch<ErrorReply>('/api/admin/settings', { siteName: 'Taken over' }, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const { key } = await createApiKey(admin, 'write');
    const scoped = await server.client().patch<ErrorReply>('/api/admin/settings', { siteName: 'Taken over' }, { apiKey: key });
    assert.equal(scoped.status, 403);
    assert.equal(scoped.body.error.code, 'insufficient_scope');
    const site = await server.client().get<SiteInfo>('/api/site');
    assert.notEqual(site.body.name, 'Taken over');
  });

  test('200 for an admin; the change is stored and visible on /api/site at once', async () => {
    const updated = await patchSettings({ siteName: 'Test Hearth', siteDescription: 'A place for tests' });
    assert.equal(updated.siteName, 'Test Hearth');
    assert.equal(updated.siteDescription, 'A place for tests');
    const site = await server.client().get<SiteInfo>('/api/site');
    assert.equal(site.body.name, 'Test Hearth');
    assert.equal(site.body.description, 'A place for tests');
    const row = await server.runtime.ctx.database.db.selectFrom('settings').selectAll().where('key', '=', 'siteName').executeTakeFirstOrThrow();
    assert.equal(row.value, 'Test Hearth');
    assert.equal(Number(row.updated_by), admin.id);
    const read = await admin.client.get<Settings>('/api/admin/settings');
    assert.equal(read.body.siteName, 'Test Hearth');
  });

  test('an admin-scope key of an admin can change settings without CSRF', async () => {
    const { key } = await createApiKey(admin, 'admin');
    const reply = await server.client().patch<Settings>('/api/admin/settings', { siteDescription: 'Set by a key' }, { apiKey: key });
    assert.equal(reply.status, 200);
    assert.equal((await server.client().get<SiteInfo>('/api/site')).body.description, 'Set by a key');
  });

  test('closing sign-ups takes effect at once', async () => {
    await patchSettings({ allowSignups: false });
    assert.equal((await server.client().get<SiteInfo>('/api/site')).body.allowSignups, false);
    const refused = await server.client().post<ErrorReply>('/api/users', { username: 'late_comer', email: 'late_comer@example.com', password: 'correct horse battery', acceptGuidelines: true });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    await patchSettings({ allowSignups: true });
    assert.equal((await server.client().get<SiteInfo>('/api/site')).body.allowSignups, true);
  });

  test('changing the guidelines bumps their version by one; the same text again does not', async () => {
    const start = (await admin.client.get<Settings>('/api/admin/settings')).body;
    const text = `# New rules\n\nBe excellent to each other (${Date.now()}).\n`;
    const changed = await patchSettings({ guidelines: text });
    assert.equal(changed.guidelinesVersion, start.guidelinesVersion + 1);
    assert.equal(changed.guidelines, text);
    const guidelines = await server.client().get<{ version: number; markdown: string }>('/api/guidelines');
    assert.deepEqual(guidelines.body, { version: start.guidelinesVersion + 1, markdown: text, sections: [] }, 'a single top heading is the title, not a section');
    assert.equal((await server.client().get<SiteInfo>('/api/site')).body.guidelinesVersion, start.guidelinesVersion + 1);

    const same = await patchSettings({ guidelines: text });
    assert.equal(same.guidelinesVersion, start.guidelinesVersion + 1, 'unchanged text keeps the version');
    const other = await patchSettings({ siteName: 'Test Hearth 2' });
    assert.equal(other.guidelinesVersion, start.guidelinesVersion + 1, 'other settings keep the version');

    const newcomer = await signUp(server);
    const me = await newcomer.client.get<{ guidelinesVersion: number | null }>('/api/me');
    assert.equal(me.body.guidelinesVersion, start.guidelinesVersion + 1, 'new members accept the current version');
  });
});

describe('GET /api/admin/audit-log', () => {
  test('401 without credentials, 403 for a member; a moderator reads it without the settings entries', async () => {
    const anonymous = await server.client().get<ErrorReply>('/api/admin/audit-log');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthorized');
    const reply = await member.client.get<ErrorReply>('/api/admin/audit-log');
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'forbidden');
    const moderated = await moderator.client.get<{ items: { action: string }[] }>('/api/admin/audit-log?limit=100');
    assert.equal(moderated.status, 200);
    assert.ok(!moderated.body.items.some((e) => e.action.startsWith('settings.')), 'settings changes stay between admins');
  });

  test('400 for a bad limit, cursor or unknown parameter', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('["x"]').toString('base64url')}`, 'cursor'],
      ['colour=red', 'colour'],
    ] as const) {
      const reply = await admin.client.get<ErrorReply>(`/api/admin/audit-log?${query}`);
      assert.equal(reply.status, 400, query);
      assert.equal(reply.body.error.code, 'invalid_request');
      assert.equal(reply.body.error.field, field, query);
    }
  });

  test('each admin write is in the log, newest first, with actor, before and after', async () => {
    const name = `Audited ${Date.now()}`;
    const previous = (await admin.client.get<Settings>('/api/admin/settings')).body.siteName;
    await patchSettings({ siteName: name });
    await patchSettings({ guidelines: `# Audited guidelines ${Date.now()}\n` });
    const reply = await admin.client.get<AuditPage>('/api/admin/audit-log');
    assert.equal(reply.status, 200);
    const [newest, second] = reply.body.items;
    assert.ok(newest && second);
    assert.equal(newest.action, 'settings.update');
    assert.equal(newest.actorId, admin.id);
    assert.equal(newest.actorUsername, admin.username);
    assert.equal(newest.targetType, 'settings');
    assert.equal(newest.targetId, null);
    assert.deepEqual(newest.before, { guidelines: '(text)', guidelinesVersion: (newest.before as { guidelinesVersion: number }).guidelinesVersion });
    assert.deepEqual(newest.after, { guidelines: '(text)', guidelinesVersion: (newest.before as { guidelinesVersion: number }).guidelinesVersion + 1 });
    assert.deepEqual(second.before, { siteName: previous });
    assert.deepEqual(second.after, { siteName: name });
    assert.ok(!Number.isNaN(Date.parse(newest.at)));
    const ids = reply.body.items.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    assert.ok(reply.body.items.length <= 20, 'the default page size is 20');

    const dbRows = await server.runtime.ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'settings.update').execute();
    const listed = await admin.client.get<AuditPage>('/api/admin/audit-log?action=settings.update&limit=100');
    assert.equal(listed.body.items.length, dbRows.length, 'every settings write is in the log');
    assert.ok(listed.body.items.every((e) => e.action === 'settings.update' && e.actorId === admin.id));
  });

  test('pages follow the cursor without gaps or repeats', async () => {
    for (let i = 0; i < 3; i++) await patchSettings({ siteDescription: `Paging ${i}` });
    const all = await admin.client.get<AuditPage>('/api/admin/audit-log?action=settings.update&limit=100');
    assert.ok(all.body.items.length >= 5);
    assert.equal(all.body.nextCursor, null, 'the last page has no cursor');
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `action=settings.update&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: Reply<AuditPage> = await admin.client.get<AuditPage>(`/api/admin/audit-log?${query}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    assert.deepEqual(seen, all.body.items.map((e) => e.id));
    assert.equal(pages, Math.ceil(all.body.items.length / 2));
  });

  test('other admin actions are logged too (group creation), and the action filter narrows the log', async () => {
    const created = await admin.client.post<{ id: number }>('/api/groups', { name: `audit-${Date.now()}` });
    assert.equal(created.status, 201);
    const newest = await admin.client.get<AuditPage>('/api/admin/audit-log?limit=1');
    assert.equal(newest.body.items.length, 1);
    assert.equal(newest.body.items[0]?.action, 'group.create');
    assert.equal(newest.body.items[0]?.targetId, String(created.body.id));
    assert.ok(newest.body.nextCursor);
    const filtered = await admin.client.get<AuditPage>('/api/admin/audit-log?action=group.create');
    assert.ok(filtered.body.items.length >= 1);
    assert.ok(filtered.body.items.every((e) => e.action === 'group.create'));
    const none = await admin.client.get<AuditPage>('/api/admin/audit-log?action=no.such.action');
    assert.deepEqual(none.body, { items: [], nextCursor: null });
  });
});
