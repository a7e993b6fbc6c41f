// GET /api/members/autocomplete: members by username or display-name prefix for @mentions; signed-in
// only, at most 8, deleted and suspended members left out, LIKE wildcards taken literally, rate-limited.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import type { ErrorBody } from '../support/bodies';

interface Suggestion {
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

interface SuggestionList {
  items: Suggestion[];
}

let server: TestServer;
let admin: TestMember;
let viewer: TestMember;
/** A prefix no other test file's member names start with. */
const stem = `ac${crypto.randomBytes(3).toString('hex')}`;

before(async () => {
  server = await startTestServer();
  admin = await createMember(server, 'admin');
  viewer = await createMember(server, 'member');
});
after(() => server.close());

function expectError(reply: { status: number; body: unknown; text: string }, status: number, code: string, field?: string): void {
  assert.equal(reply.status, status, reply.text);
  const error = (reply.body as ErrorBody).error;
  assert.equal(error.code, code, reply.text);
  if (field !== undefined) assert.equal(error.field, field, reply.text);
}

async function suggest(q: string, as: TestMember = viewer): Promise<Suggestion[]> {
  const reply = await as.client.get<SuggestionList>(`/api/members/autocomplete?q=${encodeURIComponent(q)}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
}

async function named(username: string, displayName?: string): Promise<TestMember> {
  const member = await createMember(server, 'member', username);
  if (displayName !== undefined) {
    const reply = await member.client.patch('/api/me', { displayName, avatarUrl: 'https://example.com/a.png' });
    assert.equal(reply.status, 200, reply.text);
  }
  return member;
}

describe('GET /api/members/autocomplete', () => {
  test('401 without credentials', async () => {
    expectError(await server.client().get(`/api/members/autocomplete?q=${stem}`), 401, 'unauthorized');
  });

  test('400 without q, with an empty q or a q over 60 characters', async () => {
    expectError(await viewer.client.get('/api/members/autocomplete'), 400, 'invalid_request', 'q');
    expectError(await viewer.client.get('/api/members/autocomplete?q='), 400, 'invalid_request', 'q');
    expectError(await viewer.client.get(`/api/members/autocomplete?q=${'a'.repeat(61)}`), 400, 'invalid_request', 'q');
  });

  test('matches username and display-name prefixes, case-insensitively, usernames first; only the public fields', async () => {
    await named(`${stem}_zed`, 'Zed Zimmer');
    await named(`x${stem}_other`, `${stem.toUpperCase()} Lovelace`);
    await named(`y${stem}_third`, `Grace ${stem}hopper`);
    const items = await suggest(stem.toUpperCase());
    assert.deepEqual(
      items.map((i) => i.username),
      [`${stem}_zed`, `x${stem}_other`, `y${stem}_third`],
      'the username match first, then the display-name matches',
    );
    assert.deepEqual(Object.keys(items[0] ?? {}).sort(), ['avatarUrl', 'displayName', 'username']);
    assert.equal(items[0]?.displayName, 'Zed Zimmer');
    assert.equal(items[0]?.avatarUrl, 'https://example.com/a.png');
    assert.deepEqual((await suggest(`@${stem}_z`)).map((i) => i.username), [`${stem}_zed`], 'a leading @ is ignored');
    assert.deepEqual(await suggest(`${stem}_nobody`), []);
    assert.deepEqual(await suggest('@'), [], 'nothing after the @ suggests nobody');
  });

  test('at most 8, shorter (closer) usernames first', async () => {
    const many = `${stem}m`;
    for (let i = 0; i < 10; i++) await named(`${many}${'x'.repeat(i + 1)}`);
    const items = await suggest(many);
    assert.equal(items.length, 8);
    assert.deepEqual(
      items.map((i) => i.username),
      Array.from({ length: 8 }, (_, i) => `${many}${'x'.repeat(i + 1)}`),
    );
  });

  test('LIKE wildcards in q are taken literally', async () => {
    await named(`${stem}_pct`);
    assert.deepEqual(await suggest(`${stem}%`), [], '% matches only a literal %');
    assert.deepEqual(await suggest('_'), [], '_ is not "any character": no username here starts with _');
    assert.deepEqual((await suggest(`${stem}_p`)).map((i) => i.username), [`${stem}_pct`], '_ matches a literal _');
  });

  test('suspended and deleted members are left out; a lifted suspension brings them back', async () => {
    const suspended = await named(`${stem}_susp`);
    const deleted = await named(`${stem}_gone`);
    assert.deepEqual((await suggest(`${stem}_susp`)).map((i) => i.username), [`${stem}_susp`]);
    const until = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const suspension = await admin.client.post(`/api/admin/members/${suspended.id}/suspension`, { until, reason: 'testing' });
    assert.equal(suspension.status, 200, suspension.text);
    assert.deepEqual(await suggest(`${stem}_susp`), []);
    const lifted = await admin.client.delete(`/api/admin/members/${suspended.id}/suspension`);
    assert.equal(lifted.status, 200, lifted.text);
    assert.deepEqual((await suggest(`${stem}_susp`)).map((i) => i.username), [`${stem}_susp`]);

    await server.runtime.ctx.database.db.updateTable('members').set({ deleted_at: new Date() }).where('id', '=', deleted.id).execute();
    assert.deepEqual(await suggest(`${stem}_gone`), []);
  });

  test('429 rate_limited after 120 requests a minute from one member', async () => {
    const busy = await createMember(server, 'member');
    for (let i = 1; i <= 120; i++) {
      const reply = await busy.client.get(`/api/members/autocomplete?q=${stem}`);
      assert.equal(reply.status, 200, `request ${i}: ${reply.text}`);
    }
    const limited = await busy.client.get(`/api/members/autocomplete?q=${stem}`);
    expectError(limited, 429, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await viewer.client.get(`/api/members/autocomplete?q=${stem}`)).status, 200, 'other members keep their own count');
  });
});
