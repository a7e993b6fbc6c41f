// HTTP conventions every route shares: errors with codes and request ids, 404, 413, security headers,
// the health check and the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test('an unknown API route is 404 with a code and the request id', async () => {
  const reply = await server.client().get<{ error: { code: string; requestId: string } }>('/api/nope');
  assert.equal(reply.status, 404);
  assert.equal(reply.body.error.code, 'route_not_found');
  assert.equal(reply.body.error.requestId, reply.headers.get('x-request-id'));
});

test('a malformed JSON body is 400 invalid_request, with no stack trace', async () => {
  const reply = await server.client().request<{ error: { code: string; message: string } }>('POST', '/api/session', {
    raw: '{"login": ',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(reply.status, 400);
  assert.equal(reply.body.error.code, 'invalid_request');
  assert.doesNotMatch(reply.text, /at .*\.(ts|js):\d+/);
});

test('a body over 1 MB is 413 payload_too_large', async () => {
  const big = JSON.stringify({ login: 'x'.repeat(1024 * 1024 + 10), password: 'y' });
  const reply = await server.client().request<{ error: { code: string } }>('POST', '/api/session', { raw: big, headers: { 'content-type': 'application/json' } });
  assert.equal(reply.status, 413);
  assert.equal(reply.body.error.code, 'payload_too_large');
});

test('responses carry security headers', async () => {
  const reply = await server.client().get('/api/site');
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(reply.headers.get('x-frame-options'), 'DENY');
  assert.match(reply.headers.get('x-request-id') ?? '', /^[0-9a-f]{16}$/);
});

test('GET /healthz is 200 {"status":"ok"} while the database answers', async () => {
  const reply = await server.client().get('/healthz');
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.body, { status: 'ok' });
});

test('GET /api/openapi.json is a valid OpenAPI 3.1 document that lists every route', async () => {
  const reply = await server.client().get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
  assert.equal(reply.status, 200);
  assert.match(reply.body.openapi, /^3\.1\./);
  const validator = new Validator();
  const result = await validator.validate(reply.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  for (const [method, url] of [
    ['post', '/api/users'],
    ['post', '/api/session'],
    ['delete', '/api/session'],
    ['get', '/api/me'],
    ['post', '/api/api-keys'],
    ['get', '/healthz'],
  ] as const) {
    assert.ok(reply.body.paths[url]?.[method], `${method.toUpperCase()} ${url} is documented`);
  }
  const routes = server.app.printRoutes({ commonPrefix: false });
  assert.ok(routes.includes('api/admin/members'), 'route table is readable');
});

test('/api/docs serves readable documentation', async () => {
  const reply = await server.client().request('GET', '/api/docs/', { headers: { accept: 'text/html' } });
  assert.equal(reply.status, 200);
  assert.match(reply.text, /<html/i);
});

test('the web app is served for app paths, and API paths never fall back to it', async () => {
  const page = await server.client().request('GET', '/login', { headers: { accept: 'text/html' } });
  assert.equal(page.status, 200);
  assert.match(page.text, /<div id="app">/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const dotted = await server.client().request('GET', '/u/john.doe', { headers: { accept: 'text/html' } });
  assert.equal(dotted.status, 200, 'a username with a dot still opens the app');
  const asset = await server.client().request('GET', '/assets/missing.js', { headers: { accept: '*/*' } });
  assert.equal(asset.status, 404);
  const api = await server.client().request('GET', '/api/missing', { headers: { accept: 'text/html' } });
  assert.equal(api.status, 404);
});

test('GET /healthz is 503 when the database does not answer', async () => {
  const other = await startTestServer();
  try {
    await other.runtime.ctx.database.close();
    const reply = await other.client().get<{ status: string }>('/healthz');
    assert.equal(reply.status, 503);
    assert.notEqual(reply.body.status, 'ok');
  } finally {
    await other.close();
  }
});

test('JSON bodies are not coerced: a number where a string belongs is 400', async () => {
  const reply = await server.client().post<{ error: { code: string; field?: string } }>('/api/session', { login: 42, password: 'whatever password' });
  assert.equal(reply.status, 400);
  assert.equal(reply.body.error.code, 'invalid_request');
  assert.equal(reply.body.error.field, 'login');
});

test('a NUL character the database cannot store is 400 naming the field, and nothing is written', async () => {
  const admin = await createMember(server, 'admin');
  const space = await admin.client.post<{ id: number }>('/api/spaces', { name: 'Nul', slug: 'nul-space', visibility: 'public' });
  assert.equal(space.status, 201, space.text);
  const before = await server.runtime.ctx.database.db.selectFrom('topics').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const reply = await admin.client.post<{ error: { code: string; field?: string; message: string } }>('/api/topics', { spaceId: space.body.id, title: 'A fine title', body: 'Hello\u0000world' });
  assert.equal(reply.status, 400, reply.text);
  assert.equal(reply.body.error.code, 'invalid_request');
  assert.equal(reply.body.error.field, 'body');
  assert.match(reply.body.error.message, /NUL/);
  const after = await server.runtime.ctx.database.db.selectFrom('topics').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n), 'no topic was written');
  const search = await server.client().get<{ error: { code: string; field?: string } }>('/api/search?q=a%00b');
  assert.ok(search.status === 200 || (search.status === 400 && search.body.error.field === 'q'), search.text);
});
