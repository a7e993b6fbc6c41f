// Request limits: over RATE_LIMIT_PER_MINUTE a client gets 429 rate_limited with Retry-After; the
// health check is never limited; signed-in clients are counted per member, others per IP address.
// TRUST_PROXY lets each test act from its own address (X-Forwarded-For), so tests never share a count.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Client, Reply } from '../support/client';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

const LIMIT = 3;
let server: TestServer;
let first: TestMember;
let second: TestMember;
let third: TestMember;
let nextAddress = 1;

/** A client that appears to come from an address nobody else in this file uses. */
function fromNewAddress(): { client: Client; headers: Record<string, string> } {
  return { client: server.client(), headers: { 'x-forwarded-for': `198.51.100.${nextAddress++}` } };
}

function assertRateLimited(reply: Reply<ErrorReply>): void {
  assert.equal(reply.status, 429);
  assert.equal(reply.body.error.code, 'rate_limited');
  assert.match(reply.body.error.message, /try again in \d+ s/);
  assert.equal(reply.body.error.requestId, reply.headers.get('x-request-id'));
  const retryAfter = Number(reply.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After is ${reply.headers.get('retry-after')}`);
}

before(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true' } });
  // Each login counts once against 127.0.0.1: three reach the limit but stay within it.
  first = await createMember(server, 'member');
  second = await createMember(server, 'member');
  third = await createMember(server, 'member');
});
after(() => server?.close());

test('the request after the limit on one route is 429 rate_limited with Retry-After', async () => {
  const { client, headers } = fromNewAddress();
  for (let i = 1; i <= LIMIT; i++) {
    const reply = await client.get('/api/site', { headers });
    assert.equal(reply.status, 200, `request ${i}`);
    assert.equal(reply.headers.get('x-ratelimit-limit'), String(LIMIT));
    assert.equal(reply.headers.get('x-ratelimit-remaining'), String(LIMIT - i));
  }
  const limited = await client.get<ErrorReply>('/api/site', { headers });
  assertRateLimited(limited);
  assertRateLimited(await client.get<ErrorReply>('/api/site', { headers }));
});

test('/healthz is never limited', async () => {
  const { client, headers } = fromNewAddress();
  for (let i = 0; i < LIMIT; i++) assert.equal((await client.get('/api/site', { headers })).status, 200);
  assertRateLimited(await client.get<ErrorReply>('/api/site', { headers }));
  for (let i = 0; i < LIMIT * 4; i++) {
    const reply = await client.get('/healthz', { headers });
    assert.equal(reply.status, 200, `health check ${i + 1}`);
    assert.deepEqual(reply.body, { status: 'ok' });
    assert.equal(reply.headers.get('x-ratelimit-limit'), null);
  }
});

test('other addresses are counted on their own', async () => {
  const exhausted = fromNewAddress();
  for (let i = 0; i < LIMIT; i++) await exhausted.client.get('/api/site', { headers: exhausted.headers });
  assertRateLimited(await exhausted.client.get<ErrorReply>('/api/site', { headers: exhausted.headers }));
  const fresh = fromNewAddress();
  assert.equal((await fresh.client.get('/api/site', { headers: fresh.headers })).status, 200);
});

test('signed in, the limit is per member: another member (even from the same address) still passes', async () => {
  const headers = { 'x-forwarded-for': '203.0.113.7' };
  for (let i = 1; i <= LIMIT; i++) assert.equal((await first.client.get('/api/me', { headers })).status, 200, `request ${i}`);
  assertRateLimited(await first.client.get<ErrorReply>('/api/me', { headers }));
  const other = await second.client.get<{ id: number }>('/api/me', { headers });
  assert.equal(other.status, 200);
  assert.equal(other.body.id, second.id);
  const anonymous = await server.client().get('/api/site', { headers });
  assert.equal(anonymous.status, 200, 'a visitor from that address is counted by address, not as the member');
});

test("a limited write is refused before it runs, and a member's API key shares the member's count", async () => {
  // POST /api/api-keys has its own hourly limit, so creating the key does not count here.
  const { key } = await createApiKey(third, 'write');
  const writes = [
    () => third.client.patch<ErrorReply>('/api/me', { bio: 'one' }),
    () => server.client().patch<ErrorReply>('/api/me', { bio: 'two' }, { apiKey: key }),
    () => third.client.patch<ErrorReply>('/api/me', { bio: 'three' }),
  ];
  for (const write of writes) assert.equal((await write()).status, 200);
  assertRateLimited(await server.client().patch<ErrorReply>('/api/me', { bio: 'four' }, { apiKey: key }));
  assertRateLimited(await third.client.patch<ErrorReply>('/api/me', { bio: 'five' }));
  const row = await server.runtime.ctx.database.db.selectFrom('members').select('bio').where('id', '=', third.id).executeTakeFirstOrThrow();
  assert.equal(row.bio, 'three', 'refused writes changed nothing');
});
