// Feeds: latest and top topics across the spaces the viewer may see, and Atom for public spaces.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Space, type Topic, type TopicDetail } from './helpers';

interface TopicPage {
  items: Topic[];
  nextCursor: string | null;
}

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;
let publicSpace: Space;
let privateSpace: Space;
let publicTopics: TopicDetail[];
let privateTopic: TopicDetail;

const ids = (page: TopicPage): number[] => page.items.map((t) => t.id);

before(async () => {
  server = await startTestServer();
  [member, moderator, admin] = await Promise.all([createMember(server), createMember(server, 'moderator'), createMember(server, 'admin')]);
  publicSpace = await createSpace(admin.client, 'public');
  privateSpace = await createSpace(admin.client, 'private');
  publicTopics = [];
  for (let i = 0; i < 3; i++) publicTopics.push(await createTopic(member.client, publicSpace.id, `Body ${i}`, `Public topic ${i}`));
  privateTopic = await createTopic(moderator.client, privateSpace.id, 'Hidden body', 'Private topic');
});
after(() => server?.close());

describe('GET /api/topics?feed=latest', () => {
  test('400 naming the parameter at fault', async () => {
    const guest = server.client();
    assertError(await guest.get('/api/topics?feed=hot'), 400, 'invalid_request', 'feed');
    assertError(await guest.get('/api/topics?feed=top&period=decade'), 400, 'invalid_request', 'period');
    assertError(await guest.get('/api/topics?cursor=nonsense'), 400, 'invalid_request', 'cursor');
    assertError(await guest.get('/api/topics?feed=top&cursor=nonsense'), 400, 'invalid_request', 'cursor');
  });

  test('newest activity first, across the spaces the viewer may see', async () => {
    const expected = publicTopics.map((t) => t.id).reverse();
    for (const client of [server.client(), member.client]) {
      const reply = await client.get<TopicPage>('/api/topics');
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(ids(reply.body), expected);
    }
    const staff = await moderator.client.get<TopicPage>('/api/topics?feed=latest');
    assert.deepEqual(ids(staff.body), [privateTopic.id, ...expected]);
    await replyTo(member.client, publicTopics[0]?.id ?? 0, 'bump');
    const bumped = await server.client().get<TopicPage>('/api/topics');
    assert.equal(bumped.body.items[0]?.id, publicTopics[0]?.id, 'a reply moves its topic to the top');
  });

  test('a space one cannot see gives an empty page; space and tag filter', async () => {
    assert.deepEqual(ids((await member.client.get<TopicPage>(`/api/topics?space=${privateSpace.id}`)).body), []);
    assert.deepEqual(ids((await moderator.client.get<TopicPage>(`/api/topics?space=${privateSpace.id}`)).body), [privateTopic.id]);
    const tagged = await member.client.post<TopicDetail>('/api/topics', { spaceId: publicSpace.id, title: 'Tagged topic', body: 'x', tags: ['Feeds'] });
    assert.equal(tagged.status, 201, tagged.text);
    assert.deepEqual(ids((await server.client().get<TopicPage>('/api/topics?tag=feeds')).body), [tagged.body.id]);
  });

  test('unlisted and deleted topics are left out', async () => {
    const unlisted = await createTopic(member.client, publicSpace.id, 'x', 'Soon unlisted');
    assert.equal((await moderator.client.patch(`/api/topics/${unlisted.id}`, { unlisted: true })).status, 200);
    const deleted = await createTopic(member.client, publicSpace.id, 'x', 'Soon deleted');
    assert.equal((await member.client.delete(`/api/posts/${deleted.posts[0]?.id ?? 0}`)).status, 204);
    const all = ids((await moderator.client.get<TopicPage>('/api/topics?limit=100')).body);
    assert.ok(!all.includes(unlisted.id) && !all.includes(deleted.id));
  });

  test('cursor paging visits every topic once', async () => {
    const all = ids((await server.client().get<TopicPage>('/api/topics?limit=100')).body);
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const reply: { body: TopicPage } = await server.client().get<TopicPage>(`/api/topics?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(reply.body));
      cursor = reply.body.nextCursor;
    }
    assert.deepEqual(seen, all);
  });
});

describe('GET /api/topics?feed=top', () => {
  test('ranks by replies plus reactions in the period, leaving out topics without any', async () => {
    const space = await createSpace(admin.client, 'public');
    const quiet = await createTopic(member.client, space.id, 'x', 'Quiet topic');
    const busy = await createTopic(member.client, space.id, 'x', 'Busy topic');
    const liked = await createTopic(member.client, space.id, 'x', 'Liked topic');
    await replyTo(member.client, busy.id);
    await replyTo(moderator.client, busy.id);
    await replyTo(member.client, busy.id);
    assert.equal((await moderator.client.post(`/api/posts/${liked.posts[0]?.id ?? 0}/reactions`, { emoji: '🎉' })).status, 201);
    assert.equal((await admin.client.post(`/api/posts/${liked.posts[0]?.id ?? 0}/reactions`, { emoji: '🎉' })).status, 201);
    const page = await server.client().get<TopicPage>(`/api/topics?feed=top&period=day&space=${space.id}`);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(ids(page.body), [busy.id, liked.id]);
    assert.ok(!ids(page.body).includes(quiet.id));

    const first = await server.client().get<TopicPage>(`/api/topics?feed=top&period=year&space=${space.id}&limit=1`);
    assert.deepEqual(ids(first.body), [busy.id]);
    assert.ok(first.body.nextCursor);
    const second = await server.client().get<TopicPage>(`/api/topics?feed=top&period=year&space=${space.id}&limit=1&cursor=${first.body.nextCursor}`);
    assert.deepEqual(ids(second.body), [liked.id]);
    assert.equal(second.body.nextCursor, null);
  });

  test('private spaces stay out of top for those who cannot see them', async () => {
    await replyTo(moderator.client, privateTopic.id, 'engagement');
    assert.ok(!ids((await member.client.get<TopicPage>('/api/topics?feed=top&period=week&limit=100')).body).includes(privateTopic.id));
    assert.ok(ids((await moderator.client.get<TopicPage>('/api/topics?feed=top&period=week&limit=100')).body).includes(privateTopic.id));
  });
});

describe('Atom feeds', () => {
  test('the site feed lists public topics only, as valid, escaped Atom', async () => {
    const nasty = await createTopic(member.client, publicSpace.id, 'Hello <script>alert(1)</script> & **bold**', 'Fish & <chips> "quoted"');
    const reply = await moderator.client.get('/api/feed.atom');
    assert.equal(reply.status, 200, reply.text);
    assert.match(reply.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const xml = reply.text;
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.ok(xml.includes('<title type="text">Fish &amp; &lt;chips&gt; &quot;quoted&quot;</title>'), xml);
    assert.ok(!xml.includes('<script'), 'post HTML is sanitized, then escaped');
    assert.ok(xml.includes('<content type="html">&lt;p&gt;Hello'), xml);
    assert.ok(xml.includes(`/t/${nasty.slug}/${nasty.id}</id>`));
    assert.ok(!xml.includes('Private topic'), 'private spaces stay out even when staff ask');
    assert.ok(xml.includes('Public topic 1'));
    assertWellFormed(xml);
  });

  test('a space feed: public spaces only, 404 for private or missing ones', async () => {
    const reply = await server.client().get(`/api/spaces/${publicSpace.id}/feed.atom`);
    assert.equal(reply.status, 200, reply.text);
    assert.ok(reply.text.includes(`<title type="text">${publicSpace.name}</title>`));
    assert.ok(reply.text.includes('Public topic 0'));
    assertWellFormed(reply.text);
    assertError(await moderator.client.get(`/api/spaces/${privateSpace.id}/feed.atom`), 404, 'not_found');
    assertError(await server.client().get('/api/spaces/999999/feed.atom'), 404, 'not_found');
    const child = await createSpace(admin.client, 'public', { parentId: privateSpace.id });
    assertError(await server.client().get(`/api/spaces/${child.id}/feed.atom`), 404, 'not_found');
  });
});

/** Tags balance and no bare & or < remains: enough to catch escaping mistakes without an XML parser. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `unbalanced </${name}>`);
    else stack.push(name);
  }
  assert.deepEqual(stack, []);
  const text = body.replace(/<[^>]*>/g, '');
  assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos|#\d+);)/, 'bare ampersand');
  assert.doesNotMatch(text, /</);
}
