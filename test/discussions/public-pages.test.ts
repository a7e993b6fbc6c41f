// Server-rendered public pages: /t/:slug/:id and /s/:slug/:id as complete HTML for guests, with the
// canonical URL, OpenGraph tags, sanitized posts, escaped names and the app's script; 301 for a wrong
// slug; an HTML 404 page for what is private, deleted or unknown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { createSpace, createTopic, replyTo, type Space, type TopicDetail } from './helpers';

let server: TestServer;
let member: TestMember;
let admin: TestMember;
let space: Space;
let privateSpace: Space;
let topic: TopicDetail;

const html = { accept: 'text/html,application/xhtml+xml' };
const page = (p: string) => server.client().get(p, { headers: html });
const base = () => server.runtime.ctx.config.publicUrl;
const builtScript = (): string | undefined => {
  const index = path.join(process.cwd(), 'dist', 'web', 'index.html');
  return fs.existsSync(index) ? /<script type="module"[^>]*src="([^"]+)"/.exec(fs.readFileSync(index, 'utf8'))?.[1] : undefined;
};

before(async () => {
  server = await startTestServer();
  [member, admin] = await Promise.all([createMember(server, 'member'), createMember(server, 'admin')]);
  await member.client.patch('/api/me', { displayName: 'Ann <b>"&\' Lee' });
  space = await createSpace(admin.client, 'public', { name: 'Tips & <Tricks>', description: 'How "we" do <it>' });
  privateSpace = await createSpace(admin.client, 'private');
  topic = await createTopic(member.client, space.id, 'Hello **world** & <script>alert(1)</script> costs $& $1\n\nSecond paragraph.', 'Cats & <Dogs> "quoted"');
  await replyTo(admin.client, topic.id, 'A [link](https://example.com) reply');
});
after(() => server?.close());

describe('GET /t/:slug/:id', () => {
  test('a complete HTML page: title, canonical, OpenGraph, sanitized posts, escaped names, the app script, the CSP', async () => {
    const reply = await page(`/t/${topic.slug}/${topic.id}`);
    assert.equal(reply.status, 200, reply.text);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(reply.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const body = reply.text;
    assert.match(body, /^<!doctype html>/i);
    assert.match(body, /<\/html>\s*$/);
    assert.equal(body.match(/<title>/g)?.length, 1);
    assert.ok(body.includes('<title>Cats &amp; &lt;Dogs&gt; "quoted" · Tips &amp; &lt;Tricks&gt;</title>'), body);
    const url = `${base()}/t/${topic.slug}/${topic.id}`;
    assert.ok(body.includes(`<link rel="canonical" href="${url}">`), body);
    assert.ok(body.includes(`<meta property="og:url" content="${url}">`));
    assert.ok(body.includes('<meta property="og:type" content="article">'));
    assert.ok(body.includes('<meta property="og:title" content="Cats &amp; &lt;Dogs&gt; &quot;quoted&quot;">'), body);
    assert.ok(body.includes('<meta property="og:description" content="Hello world &amp; &lt;script&gt;alert(1)&lt;/script&gt; costs $&amp; $1 Second paragraph.">'), body);
    assert.ok(body.includes('<h1>Cats &amp; &lt;Dogs&gt; &quot;quoted&quot;</h1>'));
    assert.ok(body.includes('<p>Hello <strong>world</strong> &amp; &lt;script&gt;alert(1)&lt;/script&gt; costs $&amp; $1</p>'), body);
    assert.ok(body.includes('<a href="https://example.com" rel="nofollow ugc noopener">link</a>'));
    assert.ok(body.includes('Ann &lt;b&gt;&quot;&amp;&#39; Lee'), body);
    assert.ok(!/<script>alert/.test(body));
    assert.ok(!body.includes('<b>"'));
    assert.equal(body.match(/<div id="app">/g)?.length, 1);
    const script = builtScript();
    if (script) assert.ok(body.includes(`<script type="module" crossorigin src="${script}"></script>`), body);
    assert.ok(body.includes(`href="/s/${space.slug}/${space.id}"`));
  });

  test('a wrong or missing slug answers 301 to the canonical URL', async () => {
    const reply = await page(`/t/wrong-slug/${topic.id}`);
    assert.equal(reply.status, 301);
    assert.equal(reply.headers.get('location'), `/t/${topic.slug}/${topic.id}`);
  });

  test('404 HTML page for unknown, private and deleted topics, and for a bad id; still with the app script', async () => {
    const hidden = await createTopic(admin.client, privateSpace.id, 'Secret body text', 'Secret title here');
    const gone = await createTopic(member.client, space.id, 'Soon gone', 'Deleted topic title');
    assert.equal((await member.client.delete(`/api/posts/${gone.posts[0]?.id}`)).status, 204);
    for (const p of [`/t/${hidden.slug}/${hidden.id}`, `/t/wrong/${hidden.id}`, `/t/${gone.slug}/${gone.id}`, '/t/nothing/999999', '/t/x/abc', '/t/x/0']) {
      const reply = await page(p);
      assert.equal(reply.status, 404, p);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/html/, p);
      assert.match(reply.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.ok(reply.text.includes('<h1>Not found</h1>'), p);
      assert.ok(!reply.text.includes('Secret') && !reply.text.includes('Soon gone') && !reply.text.includes('Deleted topic title'), p);
      const script = builtScript();
      if (script) assert.ok(reply.text.includes(script), p);
    }
  });

  test('the page is for guests: a member\'s session does not change it', async () => {
    const reply = await member.client.get(`/t/${topic.slug}/${topic.id}`, { headers: html });
    assert.equal(reply.status, 200);
    assert.ok(reply.text.includes('<h1>Cats &amp; &lt;Dogs&gt; &quot;quoted&quot;</h1>'));
  });

  test('an unlisted topic is shown by link but not indexed; a deleted reply shows as deleted', async () => {
    const t = await createTopic(member.client, space.id, 'Unlisted body', 'Unlisted topic title');
    const gone = await replyTo(member.client, t.id, 'Removed reply text');
    assert.equal((await member.client.delete(`/api/posts/${gone.id}`)).status, 204);
    assert.equal((await admin.client.patch(`/api/topics/${t.id}`, { unlisted: true })).status, 200);
    const reply = await page(`/t/${t.slug}/${t.id}`);
    assert.equal(reply.status, 200);
    assert.ok(reply.text.includes('<meta name="robots" content="noindex">'));
    assert.ok(reply.text.includes('This post was deleted.'));
    assert.ok(!reply.text.includes('Removed reply text'));
  });

  test('a long topic links to its next page of posts', async () => {
    const t = await createTopic(member.client, space.id, 'Long one', 'A long topic here');
    for (let i = 0; i < 20; i++) await replyTo(member.client, t.id, `Reply number ${i}`);
    const first = await page(`/t/${t.slug}/${t.id}`);
    assert.ok(first.text.includes(`href="/t/${t.slug}/${t.id}?after=20" rel="next"`), first.text);
    const second = await page(`/t/${t.slug}/${t.id}?after=20`);
    assert.equal(second.status, 200);
    assert.ok(second.text.includes('Reply number 19'));
    assert.ok(!second.text.includes('Reply number 18<'));
  });

  test('other app paths still get the app, and /api paths JSON', async () => {
    const app = await page('/t/some-slug');
    assert.equal(app.status, 200);
    assert.ok(!app.text.includes('Not found'));
    const api = await page('/api/nothing-here');
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /json/);
  });
});

describe('GET /s/:slug/:id', () => {
  test('the space page lists its listed topics with escaped names and links', async () => {
    const reply = await page(`/s/${space.slug}/${space.id}`);
    assert.equal(reply.status, 200, reply.text);
    const body = reply.text;
    assert.ok(body.includes('<title>Tips &amp; &lt;Tricks&gt;</title>'));
    assert.ok(body.includes(`<link rel="canonical" href="${base()}/s/${space.slug}/${space.id}">`));
    assert.ok(body.includes('<meta property="og:type" content="website">'));
    assert.ok(body.includes('<meta property="og:description" content="How &quot;we&quot; do &lt;it&gt;">'));
    assert.ok(body.includes(`<a href="/t/${topic.slug}/${topic.id}">Cats &amp; &lt;Dogs&gt; &quot;quoted&quot;</a>`), body);
    assert.ok(body.includes('Ann &lt;b&gt;&quot;&amp;&#39; Lee'));
    assert.ok(!body.includes('Unlisted topic title'));
    assert.ok(!body.includes('Deleted topic title'));
  });

  test('301 for a wrong slug; 404 HTML for private, unknown, bad ids', async () => {
    const moved = await page(`/s/wrong/${space.id}`);
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get('location'), `/s/${space.slug}/${space.id}`);
    for (const p of [`/s/${privateSpace.slug}/${privateSpace.id}`, `/s/wrong/${privateSpace.id}`, '/s/none/999999', '/s/x/1e3']) {
      const reply = await page(p);
      assert.equal(reply.status, 404, p);
      assert.ok(reply.text.includes('<h1>Not found</h1>'), p);
      assert.ok(!reply.text.includes(privateSpace.name), p);
    }
  });
});
