// Search: ranked full-text hits over topic titles and post bodies, filtered to what the viewer may see,
// with HTML-safe highlighted snippets.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space, type TopicDetail } from './helpers';
import { assertInert, xssPayloads } from './xss';

interface Hit {
  type: 'topic' | 'post';
  topicId: number;
  postId: number | null;
  postNumber: number | null;
  spaceId: number;
  title: string;
  tags: string[];
  author: { username: string | null };
  snippet: string;
  rank: number;
}
interface SearchReply {
  items: Hit[];
  nextOffset: number | null;
}

let server: TestServer;
let member: TestMember;
let insider: TestMember;
let moderator: TestMember;
let admin: TestMember;
let publicSpace: Space;
let privateSpace: Space;
let grantedSpace: Space;

/** A word no other test uses, so hits are exactly the ones a test made. */
const word = (): string => `w${crypto.randomBytes(5).toString('hex')}`;

async function search(client: { get: TestMember['client']['get'] }, query: Record<string, string | number>) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return client.get<SearchReply>(`/api/search?${params.toString()}`);
}

async function groupId(name: string): Promise<number> {
  const reply = await admin.client.get<{ items: { id: number; name: string }[] }>('/api/groups');
  const group = reply.body.items.find((g) => g.name === name);
  assert.ok(group, name);
  return group.id;
}

before(async () => {
  server = await startTestServer();
  [member, insider, moderator, admin] = await Promise.all([createMember(server), createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
  publicSpace = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  grantedSpace = await createSpace(admin.client, 'private');
  const group = await admin.client.post<{ id: number }>('/api/groups', { name: `insiders_${word()}` });
  assert.equal(group.status, 201, group.text);
  assert.equal((await admin.client.post(`/api/groups/${group.body.id}/members`, { username: insider.username })).status, 204);
  const grant = await admin.client.request('PUT', `/api/spaces/${grantedSpace.id}/permissions`, { body: { grants: [{ groupId: group.body.id, canSee: true, canPost: true, canReply: true }] } });
  assert.equal(grant.status, 200, grant.text);
  assert.ok(await groupId('members'));
});
after(() => server?.close());

describe('GET /api/search: validation', () => {
  test('400 naming q when it is missing, blank or too long', async () => {
    const guest = server.client();
    assertError(await guest.get('/api/search'), 400, 'invalid_request', 'q');
    assertError(await search(guest, { q: '' }), 400, 'invalid_request', 'q');
    assertError(await search(guest, { q: '   ' }), 400, 'invalid_request', 'q');
    assertError(await search(guest, { q: 'x'.repeat(201) }), 400, 'invalid_request', 'q');
  });

  test('400 naming the filter at fault', async () => {
    const guest = server.client();
    assertError(await search(guest, { q: 'hello', type: 'space' }), 400, 'invalid_request', 'type');
    assertError(await search(guest, { q: 'hello', status: 'archived' }), 400, 'invalid_request', 'status');
    assertError(await search(guest, { q: 'hello', after: 'yesterday' }), 400, 'invalid_request', 'after');
    assertError(await search(guest, { q: 'hello', before: '2026-13-45' }), 400, 'invalid_request', 'before');
    assertError(await search(guest, { q: 'hello', limit: 0 }), 400, 'invalid_request', 'limit');
  });

  test('a query of punctuation only finds nothing', async () => {
    const reply = await search(server.client(), { q: '!!! &&' });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.body.items, []);
  });
});

describe('GET /api/search: permissions', () => {
  let secret: string;
  let publicTopic: TopicDetail;

  before(async () => {
    secret = word();
    publicTopic = await createTopic(member.client, publicSpace.id, `public body ${secret}`, `Public ${secret}`);
    await createTopic(moderator.client, privateSpace.id, `private body ${secret}`, `Private ${secret}`);
    await createTopic(insider.client, grantedSpace.id, `insider body ${secret}`, `Insider ${secret}`);
  });

  test('guests and members without access find public topics and posts only', async () => {
    for (const client of [server.client(), member.client]) {
      const reply = await search(client, { q: secret });
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(new Set(reply.body.items.map((h) => h.spaceId)), new Set([publicSpace.id]), reply.text);
      assert.deepEqual(reply.body.items.map((h) => h.type).sort(), ['post', 'topic']);
      assert.ok(reply.body.items.every((h) => h.topicId === publicTopic.id));
    }
  });

  test('a member of a granted group finds the space\'s topics; staff find everything', async () => {
    const mine = await search(insider.client, { q: secret });
    assert.deepEqual(new Set(mine.body.items.map((h) => h.spaceId)), new Set([publicSpace.id, grantedSpace.id]));
    const staff = await search(moderator.client, { q: secret });
    assert.deepEqual(new Set(staff.body.items.map((h) => h.spaceId)), new Set([publicSpace.id, privateSpace.id, grantedSpace.id]));
  });

  test('filtering by a space one cannot see finds nothing', async () => {
    const reply = await search(member.client, { q: secret, space: privateSpace.id });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.body.items, []);
  });

  test('deleted posts, deleted topics and unlisted topics are left out, for staff too', async () => {
    const gone = word();
    const topic = await createTopic(member.client, publicSpace.id, `opening ${gone}`, `Topic about ${gone}`);
    const reply = await replyTo(member.client, topic.id, `a reply on ${gone}`);
    assert.equal((await member.client.delete(`/api/posts/${reply.id}`)).status, 204);
    let hits = (await search(admin.client, { q: gone })).body.items;
    assert.deepEqual(hits.map((h) => h.postNumber ?? 0).sort(), [0, 1], 'the deleted reply is gone');

    assert.equal((await moderator.client.patch(`/api/topics/${topic.id}`, { unlisted: true })).status, 200);
    assert.deepEqual((await search(admin.client, { q: gone })).body.items, [], 'unlisted');
    assert.equal((await moderator.client.patch(`/api/topics/${topic.id}`, { unlisted: false })).status, 200);

    const firstPost = topic.posts[0];
    assert.ok(firstPost);
    assert.equal((await member.client.delete(`/api/posts/${firstPost.id}`)).status, 204);
    hits = (await search(admin.client, { q: gone })).body.items;
    assert.deepEqual(hits, [], 'deleting the first post deletes the topic');
  });
});

describe('GET /api/search: results', () => {
  test('snippets highlight the match and escape everything else', async () => {
    const w = word();
    await createTopic(member.client, publicSpace.id, `<script>alert(1)</script> ${w} & <img src=x onerror=alert(2)> \u{E000}sneaky\u{E001}`, `Title <b>${w}</b>`);
    const hits = (await search(server.client(), { q: w })).body.items;
    const post = hits.find((h) => h.type === 'post');
    const topic = hits.find((h) => h.type === 'topic');
    assert.ok(post && topic, JSON.stringify(hits));
    assert.match(post.snippet, new RegExp(`<mark>${w}</mark>`));
    assert.ok(post.snippet.includes('&lt;img src=x onerror=alert(2)&gt;'), post.snippet);
    assert.ok(post.snippet.includes('&amp;'), post.snippet);
    assert.equal(post.snippet.replace(/<\/?mark>/g, '').includes('<'), false, post.snippet);
    assert.equal((post.snippet.match(/<mark>/g) ?? []).length, 1, 'text that looks like our markers is not turned into marks');
    assert.equal(topic.snippet, `Title &lt;b&gt;<mark>${w}</mark>&lt;/b&gt;`);
    assert.equal(topic.title, `Title <b>${w}</b>`, 'the title is data, escaped by whoever renders it');
  });

  test('every XSS payload comes back as inert text with only <mark> tags', async () => {
    const w = word();
    const topic = await createTopic(member.client, publicSpace.id, `opening ${w}`, `Payloads ${w}`);
    for (const payload of xssPayloads) await replyTo(member.client, topic.id, `${payload} ${w} ${payload}`);
    // More payloads than one page holds: follow nextOffset.
    const hits: SearchReply['items'] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page: SearchReply = (await search(server.client(), { q: w, type: 'post', limit: 50, offset })).body;
      hits.push(...page.items);
      offset = page.nextOffset;
    }
    assert.equal(hits.length, xssPayloads.length + 1);
    for (const hit of hits) {
      assertInert(hit.snippet);
      assert.deepEqual(hit.snippet.match(/<[^>]*>/g)?.filter((tag) => tag !== '<mark>' && tag !== '</mark>') ?? [], [], hit.snippet);
    }
  });

  test('a title match ranks above a body match; websearch syntax works', async () => {
    const w = word();
    const inBody = await createTopic(member.client, publicSpace.id, `mentions ${w} in passing`, 'Something else entirely');
    const inTitle = await createTopic(member.client, publicSpace.id, 'nothing here', `All about ${w}`);
    const hits = (await search(server.client(), { q: w })).body.items;
    assert.deepEqual(hits.map((h) => h.topicId), [inTitle.id, inBody.id]);
    assert.ok((hits[0]?.rank ?? 0) > (hits[1]?.rank ?? 0));
    const phrase = (await search(server.client(), { q: `"in passing" ${w}` })).body.items;
    assert.deepEqual(phrase.map((h) => h.topicId), [inBody.id]);
    const excluded = (await search(server.client(), { q: `${w} -passing` })).body.items;
    assert.deepEqual(excluded.map((h) => h.topicId), [inTitle.id]);
  });

  test('filters: type, space, tag, author, status, dates', async () => {
    const w = word();
    const other = await createSpace(admin.client, 'public');
    const tagged = await member.client.post<TopicDetail>('/api/topics', { spaceId: publicSpace.id, title: `Tagged ${w}`, body: `tagged body ${w}`, tags: ['Howto'] });
    assert.equal(tagged.status, 201, tagged.text);
    const elsewhere = await createTopic(moderator.client, other.id, `elsewhere ${w}`, `Elsewhere ${w}`);
    const topicIds = async (query: Record<string, string | number>) => {
      const reply = await search(server.client(), { q: w, ...query });
      assert.equal(reply.status, 200, reply.text);
      return [...new Set(reply.body.items.map((h) => h.topicId))].sort();
    };
    const types = async (type: string) => (await search(server.client(), { q: w, type })).body.items.map((h) => h.type);
    assert.deepEqual(await types('topic'), ['topic', 'topic']);
    assert.deepEqual(await types('post'), ['post', 'post']);
    assert.deepEqual(await topicIds({ space: other.id }), [elsewhere.id]);
    assert.deepEqual(await topicIds({ tag: 'howto' }), [tagged.body.id]);
    assert.deepEqual(await topicIds({ author: moderator.username.toUpperCase() }), [elsewhere.id]);
    assert.deepEqual(await topicIds({ author: 'nobody_at_all' }), []);

    assert.equal((await moderator.client.patch(`/api/topics/${elsewhere.id}`, { closed: true })).status, 200);
    assert.deepEqual(await topicIds({ status: 'closed' }), [elsewhere.id]);
    assert.deepEqual(await topicIds({ status: 'open' }), [tagged.body.id]);
    assert.deepEqual(await topicIds({ status: 'locked' }), []);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(await topicIds({ after: tomorrow }), []);
    assert.deepEqual(await topicIds({ before: tomorrow }), [tagged.body.id, elsewhere.id].sort());
    assert.deepEqual(await topicIds({ after: new Date(Date.now() - 60_000).toISOString() }), [tagged.body.id, elsewhere.id].sort());
  });

  test('pages with limit and offset', async () => {
    const w = word();
    const topic = await createTopic(member.client, publicSpace.id, `first ${w}`, 'Paging topic');
    for (let i = 0; i < 4; i++) await replyTo(member.client, topic.id, `reply ${i} ${w}`);
    const seen: number[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const reply: { body: SearchReply } = await search(server.client(), { q: w, limit: 2, offset });
      assert.ok(reply.body.items.length <= 2);
      seen.push(...reply.body.items.map((h) => h.postId ?? 0));
      offset = reply.body.nextOffset;
    }
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });
});
