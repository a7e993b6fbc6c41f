// Guessing credentials stays slow: unknown API keys and session cookies count against the caller's IP
// address, and past the limit the address gets 429 even with a valid key.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BAD_CREDENTIALS_PER_MINUTE } from '../../src/server/features/accounts/auth.hook';
import type { ErrorBody } from '../support/bodies';
import { createApiKey, createMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
before(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
});
after(() => server.close());

test('unknown API keys from one address: 401 up to the limit, then 429 with Retry-After', async () => {
  const member = await createMember(server);
  const key = await createApiKey(member, 'read');
  const headers = { 'x-forwarded-for': '203.0.113.7' };
  for (let i = 0; i < BAD_CREDENTIALS_PER_MINUTE; i++) {
    const reply = await server.client().get<ErrorBody>('/api/me', { apiKey: `hearth_guess${i}`, headers });
    assert.equal(reply.status, 401, `guess ${i + 1}`);
  }
  const blocked = await server.client().get<ErrorBody>('/api/me', { apiKey: 'hearth_one_more_guess', headers });
  assert.equal(blocked.status, 429);
  assert.equal(blocked.body.error.code, 'rate_limited');
  assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
  const valid = await server.client().get('/api/me', { apiKey: key.key, headers });
  assert.equal(valid.status, 200, 'a valid key still works from that address (it is not a miss)');
  const elsewhere = await server.client().get<ErrorBody>('/api/me', { apiKey: 'hearth_other_guess', headers: { 'x-forwarded-for': '203.0.113.8' } });
  assert.equal(elsewhere.status, 401, 'other addresses are not affected');
});

test('unknown session cookies count too: the cookie is cleared, then the address waits', async () => {
  const headers = { 'x-forwarded-for': '203.0.113.9' };
  for (let i = 0; i < BAD_CREDENTIALS_PER_MINUTE; i++) {
    const reply = await server.client().get('/api/site', { headers: { ...headers, cookie: `hearth_session=guess${i}` } });
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('set-cookie') ?? '', /hearth_session=;/);
  }
  const blocked = await server.client().get<ErrorBody>('/api/site', { headers: { ...headers, cookie: 'hearth_session=guess-more' } });
  assert.equal(blocked.status, 429);
  const anonymous = await server.client().get('/api/site', { headers });
  assert.equal(anonymous.status, 200, 'without a cookie the address is served');
});
