// The audit log: staff search it (moderators without the settings and API key entries), admins export
// it as CSV or JSON lines, the public transparency page counts moderation without private details, and
// nothing — SQL or HTTP — can change or remove an entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { insertAudit } from '../../src/server/features/audit';
import { csvCell, escapeLike } from '../../src/server/features/audit/audit.rules';
import { byMonth, isPublicAction, periodStart } from '../../src/server/features/audit/transparency.rules';
import type { AuditEntry } from '../support/bodies';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError } from '../discussions/helpers';

interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

interface Transparency {
  since: string;
  months: { month: string; total: number; counts: { kind: string; count: number }[] }[];
  recent: { kind: string; at: string; guideline: string | null }[];
}

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;

const db = () => server.runtime.ctx.database.db;

async function search(reader: TestMember, query: string): Promise<AuditEntry[]> {
  const r = await reader.client.get<AuditPage>(`/api/admin/audit-log?limit=100&${query}`);
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

/** A raw entry at a given time (inserting is the one thing the log allows). */
async function insertAt(at: string, entry: { action: string; targetType: string; targetId?: string; reason?: string; after?: unknown; actorId?: number | null }) {
  await db()
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId ?? null, action: entry.action, target_type: entry.targetType, target_id: entry.targetId ?? null, reason: entry.reason ?? null,
      before: null, after: entry.after === undefined ? null : JSON.stringify(entry.after), ip: null, at,
    })
    .execute();
}

/** Fetches with the member's session cookie and returns the raw text (the test client parses JSON). */
async function download(reader: TestMember, query: string): Promise<Response> {
  const cookie = [...reader.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return fetch(`${server.url}/api/admin/audit-log/export?${query}`, { headers: { cookie } });
}

/** A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

before(async () => {
  server = await startTestServer();
  [admin, moderator, member] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server)]);
  await createApiKey(admin, 'read');
  assert.equal((await admin.client.patch('/api/admin/settings', { siteDescription: 'A place' })).status, 200);
  const plain = { targetType: 'widget' };
  await insertAudit(db(), { ...plain, actorId: moderator.id, action: 'widget.tune', targetId: 'w-1', reason: 'Spam, "ads"\nand more' });
  await insertAudit(db(), { ...plain, actorId: null, action: 'widget.tune', targetId: 'a_b', reason: 'underscore target' });
  await insertAudit(db(), { ...plain, actorId: null, action: 'widget.tune', targetId: 'w-3', reason: '100% sure' });
  await insertAudit(db(), { ...plain, actorId: admin.id, action: 'widget.formula', targetId: '-5', reason: '=HYPERLINK("http://evil.example")', after: { note: '+1' } });
  await insertAudit(db(), { ...plain, actorId: admin.id, action: 'widget.formula', targetId: 'w-5', reason: '@SUM(A1:A2)' });
  await insertAt('2025-01-15T10:00:00Z', { action: 'dated.entry', targetType: 'dated', targetId: 'jan' });
  await insertAt('2025-02-15T10:00:00Z', { action: 'dated.entry', targetType: 'dated', targetId: 'feb' });
  await insertAt('2025-03-15T10:00:00Z', { action: 'dated.entry', targetType: 'dated', targetId: 'mar' });
});
after(() => server?.close());

describe('audit rules', () => {
  test('LIKE wildcards are escaped; CSV cells are quoted and defused', () => {
    assert.equal(escapeLike('100%_a\\b'), '100\\%\\_a\\\\b');
    const cases: [string | number | null, string][] = [
      ['plain', 'plain'], [null, ''], [42, '42'], [-5, '-5'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'],
      ['=1+1', "'=1+1"], ['+1', "'+1"], ['-5', "'-5"], ['@SUM(A1)', "'@SUM(A1)"], ['\tcmd', "'\tcmd"], ['=A1,B1', '"\'=A1,B1"'],
    ];
    for (const [input, expected] of cases) assert.equal(csvCell(input), expected, String(input));
  });

  test('transparency counts moderation actions only, grouped by month', () => {
    for (const action of ['post.hide', 'member.silence', 'member.ban', 'appeal.overturn', 'mediation.open', 'sanction.lift']) assert.equal(isPublicAction(action), true, action);
    for (const action of ['settings.update', 'apiKey.create', 'member.role', 'member.trustLevel', 'account.create', 'group.create']) assert.equal(isPublicAction(action), false, action);
    assert.equal(periodStart(new Date('2026-03-20T12:00:00Z'), 12).toISOString(), '2025-04-01T00:00:00.000Z');
    const months = byMonth([
      { month: '2026-02', kind: 'post.hide', count: 2 },
      { month: '2026-03', kind: 'member.warn', count: 1 },
      { month: '2026-03', kind: 'settings.update', count: 9 },
      { month: '2026-03', kind: 'member.ban', count: 3 },
    ]);
    assert.deepEqual(months, [
      { month: '2026-03', total: 4, counts: [{ kind: 'member.ban', count: 3 }, { kind: 'member.warn', count: 1 }] },
      { month: '2026-02', total: 2, counts: [{ kind: 'post.hide', count: 2 }] },
    ]);
  });
});

describe('GET /api/admin/audit-log (search)', () => {
  test('401, 403 for members, 400 for bad filters', async () => {
    assertError(await server.client().get('/api/admin/audit-log'), 401, 'unauthorized');
    assertError(await member.client.get('/api/admin/audit-log'), 403, 'forbidden');
    assertError(await admin.client.get('/api/admin/audit-log?from=yesterday'), 400, 'invalid_request', 'from');
    assertError(await admin.client.get('/api/admin/audit-log?to=2025-13-01T00:00:00Z'), 400, 'invalid_request', 'to');
    assertError(await admin.client.get('/api/admin/audit-log?from=2025-03-01T00:00:00Z&to=2025-02-01T00:00:00Z'), 400, 'invalid_request', 'to');
    assertError(await admin.client.get('/api/admin/audit-log?actorId=0'), 400, 'invalid_request', 'actorId');
    assertError(await admin.client.get('/api/admin/audit-log?q='), 400, 'invalid_request', 'q');
    assertError(await admin.client.get(`/api/admin/audit-log?q=${'x'.repeat(201)}`), 400, 'invalid_request', 'q');
  });

  test('moderators read it, but not the settings and API key entries', async () => {
    const all = await search(admin, '');
    assert.ok(all.some((e) => e.action === 'settings.update'));
    assert.ok(all.some((e) => e.action === 'apiKey.create'));
    const seen = await search(moderator, '');
    assert.ok(seen.length > 0);
    assert.ok(seen.every((e) => !e.action.startsWith('settings.') && !e.action.startsWith('apiKey.')), seen.map((e) => e.action).join());
    assert.deepEqual(await search(moderator, 'action=settings.update'), []);
    assert.deepEqual(await search(moderator, 'q=settings'), []);
    assert.equal(seen.length, all.filter((e) => !e.action.startsWith('settings.') && !e.action.startsWith('apiKey.')).length);
  });

  test('q matches action, target type and id, reason or actor, case-insensitively, with wildcards taken literally', async () => {
    const ids = (list: AuditEntry[]) => list.map((e) => e.targetId).sort();
    assert.deepEqual(ids(await search(admin, 'q=FORMULA')), ['-5', 'w-5']);
    assert.deepEqual(ids(await search(admin, 'q=%22ads%22')), ['w-1']);
    assert.deepEqual(ids(await search(admin, 'q=w-3')), ['w-3']);
    assert.deepEqual(ids(await search(admin, `q=${moderator.username.toUpperCase()}&targetType=widget`)), ['w-1']);
    assert.ok((await search(admin, 'q=WIDGE')).length >= 5);
    assert.deepEqual(ids(await search(admin, 'q=%25')), ['w-3']);
    // '_' is a letter here, not "any character": the entry without one (w-3, no actor) is left out.
    assert.deepEqual(ids(await search(admin, 'q=_&targetType=widget')), ['-5', 'a_b', 'w-1', 'w-5']);
    assert.deepEqual(await search(admin, `q=${encodeURIComponent("' or 1=1 --")}`), []);
  });

  test('actorId, targetType, targetId, from and to narrow the search; paging keeps the filters', async () => {
    assert.deepEqual((await search(admin, `actorId=${moderator.id}&targetType=widget`)).map((e) => e.targetId), ['w-1']);
    assert.deepEqual((await search(admin, 'targetType=widget&targetId=w-5')).map((e) => e.reason), ['@SUM(A1:A2)']);
    const dated = (query: string) => search(admin, `targetType=dated&${query}`).then((l) => l.map((e) => e.targetId));
    assert.deepEqual(await dated(''), ['mar', 'feb', 'jan']);
    assert.deepEqual(await dated('from=2025-02-01T00:00:00Z&to=2025-02-28T23:59:59Z'), ['feb']);
    assert.deepEqual(await dated('from=2025-02-15T10:00:00Z'), ['mar', 'feb']);
    assert.deepEqual(await dated('to=2025-02-15T10:00:00.000Z'), ['feb', 'jan']);
    assert.deepEqual(await dated('from=2025-02-15T10:00:00%2B01:00'), ['mar', 'feb']);
    const first = await admin.client.get<AuditPage>('/api/admin/audit-log?targetType=dated&limit=2');
    assert.deepEqual(first.body.items.map((e) => e.targetId), ['mar', 'feb']);
    assert.ok(first.body.nextCursor);
    const next = await admin.client.get<AuditPage>(`/api/admin/audit-log?targetType=dated&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    assert.deepEqual(next.body.items.map((e) => e.targetId), ['jan']);
    assert.equal(next.body.nextCursor, null);
  });
});

describe('GET /api/admin/audit-log/export', () => {
  test('401, 403 for members and moderators, 400 for an unknown format', async () => {
    assertError(await server.client().get('/api/admin/audit-log/export'), 401, 'unauthorized');
    assertError(await member.client.get('/api/admin/audit-log/export'), 403, 'forbidden');
    assertError(await moderator.client.get('/api/admin/audit-log/export'), 403, 'forbidden');
    assertError(await admin.client.get('/api/admin/audit-log/export?format=xml'), 400, 'invalid_request', 'format');
  });

  test('CSV: an attachment with a header row, quoted cells and formulas defused', async () => {
    const response = await download(admin, 'targetType=widget');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="audit-log-\d{8}T\d{6}Z\.csv"$/);
    const text = await response.text();
    assert.ok(text.includes('"Spam, ""ads""\nand more"'), text);
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")"`), text);
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['id', 'at', 'actor_id', 'actor_username', 'action', 'target_type', 'target_id', 'reason', 'before', 'after']);
    const body = rows.slice(1);
    assert.deepEqual(body.map((r) => r[6]), ['w-5', "'-5", 'w-3', 'a_b', 'w-1']);
    const byTarget = new Map(body.map((r) => [r[6], r]));
    assert.equal(byTarget.get('w-1')?.[7], 'Spam, "ads"\nand more');
    assert.equal(byTarget.get('w-1')?.[3], moderator.username);
    assert.equal(byTarget.get("'-5")?.[7], '\'=HYPERLINK("http://evil.example")');
    assert.equal(byTarget.get("'-5")?.[9], '{"note":"+1"}');
    assert.equal(byTarget.get('w-5')?.[7], "'@SUM(A1:A2)");
    for (const row of body) {
      assert.equal(row.length, 10);
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@]/, cell);
    }
  });

  test('JSON lines carry the same entries as the search; the export is audited', async () => {
    const response = await download(admin, 'format=jsonl&targetType=dated');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    assert.match(response.headers.get('content-disposition') ?? '', /filename="audit-log-.*\.jsonl"/);
    const lines = (await response.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    assert.deepEqual(lines, await search(admin, 'targetType=dated'));
    const [entry] = await search(admin, 'action=audit.export');
    assert.equal(entry?.actorId, admin.id);
    assert.deepEqual(entry?.after, { format: 'jsonl', filters: { targetType: 'dated' } });
  });
});

describe('GET /api/transparency', () => {
  test('404 while the setting is off', async () => {
    assertError(await server.client().get('/api/transparency'), 404, 'not_found');
  });

  test('when on: public counts per month and kind, the latest actions without actor, target or reason', async () => {
    const secret = 'called @someone a name in a private reply';
    await insertAudit(db(), { actorId: moderator.id, action: 'member.silence', targetType: 'member', targetId: member.id, reason: secret, after: { hours: 24, guideline: '1. Be kind', message: secret } });
    await insertAudit(db(), { actorId: moderator.id, action: 'post.hide', targetType: 'post', targetId: 4242, reason: secret, before: { guideline: 'No spam' } });
    await insertAudit(db(), { actorId: moderator.id, action: 'post.hide', targetType: 'post', targetId: 4243, reason: null });
    await insertAudit(db(), { actorId: admin.id, action: 'member.role', targetType: 'member', targetId: member.id, after: { role: 'moderator' } });
    const on = await admin.client.patch<{ transparencyPage: boolean }>('/api/admin/settings', { transparencyPage: true });
    assert.equal(on.status, 200, on.text);
    assert.equal(on.body.transparencyPage, true);

    const r = await server.client().get<Transparency>('/api/transparency');
    assert.equal(r.status, 200, r.text);
    const month = new Date().toISOString().slice(0, 7);
    const current = r.body.months.find((m) => m.month === month);
    assert.deepEqual(current?.counts, [{ kind: 'member.silence', count: 1 }, { kind: 'post.hide', count: 2 }]);
    assert.equal(current.total, 3);
    assert.ok(r.body.months.every((m) => m.counts.every((c) => isPublicAction(c.kind))));
    assert.deepEqual(r.body.recent.map((e) => [e.kind, e.guideline]), [['post.hide', null], ['post.hide', 'No spam'], ['member.silence', '1. Be kind']]);
    for (const entry of r.body.recent) assert.deepEqual(Object.keys(entry).sort(), ['at', 'guideline', 'kind']);
    for (const privateText of [secret, moderator.username, admin.username, member.username, '4242', 'widget', 'settings.update', 'member.role']) {
      assert.ok(!r.text.includes(privateText), `leaks ${privateText}`);
    }
  });
});

describe('the audit log is append-only', () => {
  test('UPDATE, DELETE and TRUNCATE fail in the database', async () => {
    const count = async () => Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await assert.rejects(db().updateTable('audit_log').set({ reason: 'rewritten' }).where('target_type', '=', 'widget').execute(), /append-only/);
    await assert.rejects(db().updateTable('audit_log').set({ actor_id: null, reason: 'sneaky' }).where('actor_id', '=', moderator.id).execute(), /append-only/);
    await assert.rejects(db().deleteFrom('audit_log').where('target_type', '=', 'dated').execute(), /append-only/);
    await assert.rejects(sql`truncate audit_log`.execute(db()), /append-only/);
    await assert.rejects(server.runtime.ctx.database.tx((trx) => trx.deleteFrom('audit_log').execute()), /append-only/);
    assert.equal(await count(), before);
    assert.deepEqual((await search(admin, 'targetType=widget&targetId=w-1')).map((e) => e.reason), ['Spam, "ads"\nand more']);
  });

  test('no route changes or removes an entry', async () => {
    const [entry] = await search(admin, 'targetType=dated');
    assert.ok(entry);
    for (const path of [`/api/admin/audit-log/${entry.id}`, '/api/admin/audit-log', `/api/admin/audit/${entry.id}`]) {
      assertError(await admin.client.delete(path), 404, 'route_not_found');
      assertError(await admin.client.patch(path, { reason: 'x' }), 404, 'route_not_found');
      assertError(await admin.client.put(path, { reason: 'x' }), 404, 'route_not_found');
    }
    assertError(await admin.client.post('/api/admin/audit-log', { action: 'fake' }), 404, 'route_not_found');
    assert.deepEqual((await search(admin, 'targetType=dated')).map((e) => e.targetId), ['mar', 'feb', 'jan']);
  });
});
