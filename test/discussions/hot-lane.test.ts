// The hot lane: a cached answer is sent again straight from the node:http listener, byte for byte and
// header for header as Fastify sent it, only to the same viewer for the same URL, only while the cached
// value stands, and every answer counts against the same rate-limit budget as Fastify's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { createSpace, createTopic, replyTo, type Space, type TopicDetail } from './helpers';

/** Headers that differ between any two answers, whoever sends them. */
const PER_REQUEST = new Set(['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset']);

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

async function raw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  const reply = await fetch(url, { headers, redirect: 'manual' });
  const all: Record<string, string> = {};
  reply.headers.forEach((value, name) => {
    if (!PER_REQUEST.has(name)) all[name] = value;
  });
  return { status: reply.status, headers: all, body: Buffer.from(await reply.arrayBuffer()) };
}

const cookieOf = (member: TestMember): string => [...member.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

let server: TestServer;
let admin: TestMember;
let author: TestMember;
let reader: TestMember;
let space: Space;

const served = (): number => server.app.hotLane.served;

before(async () => {
  server = await startTestServer();
  [admin, author, reader] = await Promise.all([createMember(server, 'admin'), createMember(server), createMember(server)]);
  space = await createSpace(admin.client, 'public');
});
after(() => server.close());

describe('the hot lane', () => {
  test('answers a repeated read as Fastify did: same status, headers and bytes, gzip or not', async () => {
    const topic = await createTopic(author.client, space.id, 'A body long enough to be compressed. '.repeat(40));
    const paths = [`/api/topics/${topic.id}`, `/api/spaces/${space.id}/topics`, '/api/search?q=compressed', `/t/${topic.slug}/${topic.id}`, `/s/${space.slug}/${space.id}`];
    let compressed = 0;
    for (const path of paths) {
      for (const viewer of [{}, { cookie: cookieOf(reader) }] as Record<string, string>[]) {
        const gzip = { ...viewer, 'accept-encoding': 'gzip' };
        const before = served();
        const first = await raw(server.url + path, gzip);
        assert.equal(first.status, 200, `${path} ${first.body.toString()}`);
        assert.equal(served(), before, `${path}: the first read is Fastify's`);
        const second = await raw(server.url + path, gzip);
        assert.equal(served(), before + 1, `${path} ${JSON.stringify(viewer)}: the second read is the lane's`);
        assert.deepEqual(second.headers, first.headers, path);
        assert.ok(second.body.equals(first.body), path);
        if (first.headers['content-encoding'] === 'gzip') compressed++;
        const plain = await raw(server.url + path, { ...viewer, 'accept-encoding': 'identity' });
        assert.equal(served(), before + 2);
        assert.equal(plain.headers['content-encoding'], undefined, 'not compressed for a client that does not take gzip');
        assert.ok(plain.body.equals(first.body), path);
      }
    }
    assert.ok(compressed >= 6, 'the long answers went gzipped');
  });

  test('a write ends the remembered answer at once: the next read is computed and shows it', async () => {
    const topic = await createTopic(author.client, space.id);
    const read = async () => (await reader.client.get<TopicDetail>(`/api/topics/${topic.id}`)).body;
    await read();
    await read();
    const before = served();
    await replyTo(author.client, topic.id, 'A new reply');
    assert.equal((await read()).posts.length, 2);
    assert.equal(served(), before, 'the purged answer is not sent again');
    assert.equal((await read()).posts.length, 2);
    assert.equal(served(), before + 1, 'the new answer is remembered in turn');
  });

  test("a member's answer goes to that member only, and no longer once they sign out", async () => {
    const topic = await createTopic(author.client, space.id);
    const path = `/api/topics/${topic.id}`;
    await reader.client.put(`/api/topics/${topic.id}/read`, { postNumber: 1 });
    const mine = await reader.client.get<TopicDetail & { lastReadPostNumber?: number }>(path);
    await reader.client.get(path);
    const others = await author.client.get<TopicDetail & { lastReadPostNumber?: number }>(path);
    assert.notDeepEqual(others.body, mine.body, "another member gets their own answer, not the reader's");

    const leaving = await createMember(server);
    const cookie = cookieOf(leaving);
    await raw(server.url + path, { cookie });
    const before = served();
    await raw(server.url + path, { cookie });
    assert.equal(served(), before + 1);
    const out = await leaving.client.delete('/api/session');
    assert.equal(out.status, 204, out.text);
    const after = await raw(server.url + path, { cookie });
    assert.equal(served(), before + 1, 'a revoked session goes to Fastify');
    assert.equal(after.status, 200);
    assert.match(after.headers['set-cookie'] ?? '', /hearth_session=;/, 'which treats it as a guest and clears the cookie');
  });

  test('API keys, other methods and unknown sessions go to Fastify', async () => {
    const topic = await createTopic(author.client, space.id);
    const path = `${server.url}/api/topics/${topic.id}`;
    await raw(path);
    await raw(path);
    const before = served();
    await raw(path, { authorization: 'Bearer not-a-key' });
    await raw(path, { cookie: 'hearth_session=made-up' });
    const head = await fetch(path, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(served(), before);
  });
});

for (const counted of ['in memory', 'through Redis'] as const) {
  describe(`the hot lane and the rate limit counted ${counted}`, () => {
    let limited: TestServer;
    before(async () => {
      const redis: Record<string, string> = counted === 'through Redis' ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `t${process.pid}x${Date.now()}lane:` } : {};
      limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '6', ...redis } });
    });
    after(() => limited.close());
    test('counts against the same budget as Fastify, and past it Fastify answers 429', async () => {
      const limitedSpace = await createSpace((await createMember(limited, 'admin')).client, 'public');
      const path = `${limited.url}/api/spaces/${limitedSpace.id}/topics`;
      const remaining: number[] = [];
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const reply = await fetch(path);
        statuses.push(reply.status);
        remaining.push(Number(reply.headers.get('x-ratelimit-remaining')));
        await reply.arrayBuffer();
      }
      // Signing in counted against this address already: the budget starts below 6.
      const allowed = statuses.indexOf(429);
      assert.ok(allowed >= 4, `${statuses.join(' ')}`);
      assert.ok(statuses.slice(0, allowed).every((s) => s === 200) && statuses.slice(allowed).every((s) => s === 429), statuses.join(' '));
      assert.deepEqual(remaining.slice(0, allowed), remaining.slice(0, allowed).map((_, i) => (remaining[0] ?? 0) - i), 'one count per answer, whoever sent it');
      assert.equal(remaining[allowed - 1], 0, 'the last allowed answer leaves nothing');
      assert.ok(limited.app.hotLane.served >= allowed - 1, 'the lane sent all but the first');
      const refused = await fetch(path);
      assert.equal(refused.status, 429);
      assert.equal(((await refused.json()) as { error?: { code?: string } }).error?.code, 'rate_limited');
    });
  });
}

describe('the hot lane behind a trusted proxy', () => {
  let proxied: TestServer;
  before(async () => {
    proxied = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
  });
  after(() => proxied.close());

  test('counts guests per forwarded address, as Fastify does', async () => {
    const proxiedSpace = await createSpace((await createMember(proxied, 'admin')).client, 'public');
    const path = `${proxied.url}/api/spaces/${proxiedSpace.id}/topics`;
    const from = async (address: string) => {
      const reply = await fetch(path, { headers: { 'x-forwarded-for': `${address}, 10.0.0.1` } });
      await reply.arrayBuffer();
      return reply.status;
    };
    const first = [await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.7')];
    assert.deepEqual(first, [200, 200, 200, 429]);
    assert.ok(proxied.app.hotLane.served >= 2);
    assert.equal(await from('203.0.113.8'), 200, 'another client behind the proxy has its own budget');
  });
});
