// POST /api/markdown/preview: the composer sees exactly the sanitized HTML a post would get.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ErrorBody } from '../support/bodies';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertInert, xssPayloads } from './xss';

let server: TestServer;
let member: TestMember;
before(async () => {
  server = await startTestServer();
  member = await createMember(server);
});
after(() => server.close());

test('401 signed out', async () => {
  const reply = await server.client().post<ErrorBody>('/api/markdown/preview', { body: '**hi**' });
  assert.equal(reply.status, 401);
});

test('400 names the field for an empty or missing body', async () => {
  for (const body of [{}, { body: '' }, { body: 'x'.repeat(40_000) }]) {
    const reply = await member.client.post<ErrorBody>('/api/markdown/preview', body);
    assert.equal(reply.status, 400, JSON.stringify(body).slice(0, 40));
    assert.equal(reply.body.error.field, 'body');
  }
});

test('403 without the CSRF token', async () => {
  const reply = await member.client.post<ErrorBody>('/api/markdown/preview', { body: 'hi' }, { noCsrf: true });
  assert.equal(reply.status, 403);
  assert.equal(reply.body.error.code, 'csrf_failed');
});

test('renders Markdown like a post, and every XSS payload comes back inert', async () => {
  const reply = await member.client.post<{ html: string }>('/api/markdown/preview', { body: '# Title\n\n- [x] done\n\n```js\nlet a = 1;\n```' });
  assert.equal(reply.status, 200);
  assert.match(reply.body.html, /<h1 id="h-title">Title<\/h1>/);
  assert.match(reply.body.html, /type="checkbox"/);
  assert.match(reply.body.html, /class="language-js"/);
  for (const payload of xssPayloads) {
    const rendered = await member.client.post<{ html: string }>('/api/markdown/preview', { body: payload });
    assert.equal(rendered.status, 200);
    assertInert(rendered.body.html);
  }
});
