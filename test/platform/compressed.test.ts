// Gzip for cached answers: only for clients that accept it, only above 1 KB, and the bytes inflate to
// exactly the plain answer.
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { acceptsGzip } from '../../src/server/platform/http/compressed';
import { createSpace, createTopic, replyTo, type TopicDetail } from '../discussions/helpers';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

/** A raw GET (fetch would inflate on its own), with or without Accept-Encoding. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

let server: TestServer;
let admin: TestMember;
let topic: TopicDetail;

describe('compressed answers', () => {
  before(async () => {
    server = await startTestServer();
    admin = await createMember(server, 'admin');
    const space = await createSpace(admin.client);
    topic = await createTopic(admin.client, space.id, 'A long first post. '.repeat(80), 'Compression');
    for (let i = 0; i < 5; i++) await replyTo(admin.client, topic.id, `Reply ${i}: ${'words that repeat '.repeat(30)}`);
  });
  after(() => server.close());

  test('Accept-Encoding parsing', () => {
    assert.equal(acceptsGzip('gzip, deflate, br'), true);
    assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip(undefined), false);
  });

  test('a topic as JSON and as a page: gzip when asked, the same bytes when inflated, plain otherwise', async () => {
    for (const path of [`/api/topics/${topic.id}`, `/t/${topic.slug}/${topic.id}`]) {
      const plain = await rawGet(`${server.url}${path}`, {});
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(String(plain.headers.vary), /accept-encoding/i);
      const packed = await rawGet(`${server.url}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(packed.headers['content-encoding'], 'gzip', path);
      assert.ok(packed.body.length < plain.body.length / 2, `${path}: ${packed.body.length} vs ${plain.body.length} bytes`);
      assert.deepEqual(zlib.gunzipSync(packed.body), plain.body);
    }
  });

  test('small answers are not compressed', async () => {
    const empty = await createSpace(admin.client);
    const small = await rawGet(`${server.url}/api/spaces/${empty.id}/topics`, { 'accept-encoding': 'gzip' });
    assert.equal(small.status, 200);
    assert.ok(small.body.length < 1024, `${small.body.length} bytes`);
    assert.equal(small.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(small.body.toString()), { items: [], nextCursor: null });
  });
});
