// Knowledge-base articles: heading ids and the table of contents (rules and rendering, XSS-ish
// headings stay inert), reviews, "was this helpful?" answers and the article list, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderMarkdown } from '../../src/server/features/discussions';
import { helpfulShare, needsReview, sortArticles, tableOfContents } from '../../src/server/features/programs/articles';
import { assertError, createSpace, createTopic, type Space, type TopicDetail } from '../discussions/helpers';
import { assertInert } from '../discussions/xss';
import type { Article, ArticleSummary } from '../support/articles';
import { createApiKey, createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

const DAY = 86_400_000;

describe('article rules', () => {
  test('headings get "h-" ids, numbered when repeated; the contents read them back', () => {
    const html = renderMarkdown('# Getting started\n\ntext\n\n## Install\n\n## Install\n\n### Ünïcode & `code`\n\n## location');
    assert.match(html, /<h1 id="h-getting-started">Getting started<\/h1>/);
    assert.match(html, /<h2 id="h-install">Install<\/h2>[\s\S]*<h2 id="h-install-2">Install<\/h2>/);
    assert.deepEqual(tableOfContents(html), [
      { level: 1, text: 'Getting started', anchor: 'h-getting-started' },
      { level: 2, text: 'Install', anchor: 'h-install' },
      { level: 2, text: 'Install', anchor: 'h-install-2' },
      { level: 3, text: 'Ünïcode & code', anchor: 'h-unicode-code' },
      { level: 2, text: 'location', anchor: 'h-location' },
    ]);
    assert.deepEqual(tableOfContents('<h2>Old post without ids</h2><p>x</p>'), [], 'posts written before ids have no contents until edited');
  });

  test('a long heading in characters beyond the BMP keeps its id (the slug is not cut inside a surrogate pair)', () => {
    const text = `a${'𠀀'.repeat(40)}`;
    const toc = tableOfContents(renderMarkdown(`# ${text}`));
    assert.equal(toc.length, 1);
    assert.equal(toc[0]?.text, text);
    assert.equal(toc[0]?.anchor, `h-a${'𠀀'.repeat(29)}`);
  });

  test('an XSS-ish heading stays inert and its id is safe', () => {
    const payloads = [
      '## <script>alert(1)</script>',
      '## <img src=x onerror=alert(1)>',
      '## " onmouseover="alert(1)',
      '## [x](javascript:alert(1))',
      '## <h2 id="location">clobber</h2>',
      '## __proto__ constructor',
    ];
    for (const payload of payloads) {
      const html = renderMarkdown(payload);
      assertInert(html);
      const ids = [...html.matchAll(/<[a-z0-9]+\s[^>]*?\bid="([^"]*)"/g)].map((m) => m[1] ?? '');
      assert.equal(ids.length, 1, html);
      assert.match(ids[0] ?? '', /^h-[\p{Ll}\p{Lo}\p{N}-]+$/u, html);
      for (const entry of tableOfContents(html)) assert.match(entry.anchor, /^h-[\p{Ll}\p{Lo}\p{N}-]+$/u);
    }
    // The contents carry plain text (the web app renders it as text, never as HTML).
    assert.deepEqual(tableOfContents(renderMarkdown('## <script>alert(1)</script>')), [{ level: 2, text: '<script>alert(1)</script>', anchor: 'h-script-alert-1-script' }]);
    assert.match(renderMarkdown('## <h2 id="location">clobber</h2>'), /^<h2 id="h-h2-id-location-clobber-h2">/);
    assert.match(renderMarkdown('##   '), /<h2 id="h-section"><\/h2>/, 'an empty heading still gets a safe id');
  });

  test('needs review: never reviewed, or older than the setting', () => {
    const now = new Date('2030-06-01T00:00:00Z');
    assert.equal(needsReview(null, now, 180), true);
    assert.equal(needsReview(new Date(now.getTime() - 180 * DAY), now, 180), false);
    assert.equal(needsReview(new Date(now.getTime() - 180 * DAY - 1), now, 180), true);
  });

  test('helpful share and sorting', () => {
    assert.equal(helpfulShare(0, 0), null);
    assert.equal(helpfulShare(2, 1), 0.67);
    const a = { id: 1, title: 'beta', lastReviewedAt: '2030-01-02T00:00:00Z', helpfulShare: 0.5, helpful: { yes: 1, no: 1 } };
    const b = { id: 2, title: 'Alpha', lastReviewedAt: null, helpfulShare: null, helpful: { yes: 0, no: 0 } };
    const c = { id: 3, title: 'gamma', lastReviewedAt: '2030-01-01T00:00:00Z', helpfulShare: 0.5, helpful: { yes: 3, no: 3 } };
    const d = { id: 4, title: 'delta', lastReviewedAt: '2030-01-03T00:00:00Z', helpfulShare: 1, helpful: { yes: 1, no: 0 } };
    const ids = (items: { id: number }[]) => items.map((i) => i.id);
    assert.deepEqual(ids(sortArticles([a, b, c, d], 'title')), [2, 1, 4, 3]);
    assert.deepEqual(ids(sortArticles([a, b, c, d], 'reviewed')), [2, 3, 1, 4], 'never reviewed first, then the oldest review');
    assert.deepEqual(ids(sortArticles([a, b, c, d], 'helpful')), [4, 3, 1, 2], 'highest share, more answers, unanswered last');
  });
});

let server: TestServer;
let admin: TestMember;
let moderator: TestMember;
let member: TestMember;
let other: TestMember;
let kb: Space;
let privateKb: Space;
let plain: Space;
let guide: TopicDetail;

const db = () => server.runtime.ctx.database.db;
const get = (m: TestMember | null, id: number) => (m ? m.client : server.client()).get<Article>(`/api/articles/${id}`);
const answer = (m: TestMember, id: number, body: Record<string, unknown>) => m.client.put<Article>(`/api/articles/${id}/feedback`, body);
const list = (m: TestMember | null, spaceId: number, sort = '') => (m ? m.client : server.client()).get<{ items: ArticleSummary[]; reviewDays: number }>(`/api/spaces/${spaceId}/articles${sort ? `?sort=${sort}` : ''}`);

before(async () => {
  server = await startTestServer();
  [admin, moderator, member, other] = await Promise.all([createMember(server, 'admin'), createMember(server, 'moderator'), createMember(server), createMember(server)]);
  kb = await createSpace(admin.client, 'public', { kind: 'articles' });
  privateKb = await createSpace(admin.client, 'private', { kind: 'articles' });
  plain = await createSpace(admin.client, 'public');
  guide = await createTopic(admin.client, kb.id, '# Setup guide\n\nIntro.\n\n## Install\n\nRun it.\n\n## Configure\n\n### Ports', 'Setup guide');
});
after(() => server?.close());

describe('GET /api/articles/{id}', () => {
  test('404, 409 not_article; 200 with the contents for guests and members', async () => {
    assertError(await get(member, 999_999), 404, 'not_found');
    const hidden = await createTopic(admin.client, privateKb.id, 'staff notes', 'Hidden article');
    assertError(await get(member, hidden.id), 404, 'not_found');
    assertError(await get(null, hidden.id), 404, 'not_found');
    const chat = await createTopic(member.client, plain.id, 'just chatting', 'Not an article');
    assertError(await get(member, chat.id), 409, 'not_article');

    const guest = await get(null, guide.id);
    assert.equal(guest.status, 200, guest.text);
    assert.deepEqual(guest.body.toc.map((e) => [e.level, e.text, e.anchor]), [
      [1, 'Setup guide', 'h-setup-guide'],
      [2, 'Install', 'h-install'],
      [2, 'Configure', 'h-configure'],
      [3, 'Ports', 'h-ports'],
    ]);
    assert.deepEqual([guest.body.lastReviewedAt, guest.body.reviewedBy, guest.body.needsReview, guest.body.myFeedback], [null, null, true, null]);
    assert.deepEqual(guest.body.helpful, { yes: 0, no: 0 });
    assert.equal(guest.body.helpfulShare, null);
    const post = (await admin.client.get<TopicDetail>(`/api/topics/${guide.id}`)).body.posts[0];
    assert.match(post?.html ?? '', /<h2 id="h-install">Install<\/h2>/, 'the rendered post carries the anchors');
    assert.equal((await get(admin, hidden.id)).status, 200, 'staff see the private knowledge base');
  });

  test('editing the article updates its contents', async () => {
    const topic = await createTopic(admin.client, kb.id, '## One', 'Editable article');
    const postId = topic.posts[0]?.id ?? 0;
    assert.deepEqual((await get(member, topic.id)).body.toc.map((e) => e.anchor), ['h-one']);
    const edit = await admin.client.patch(`/api/posts/${postId}`, { body: '## One\n\n## Two', revision: 1 });
    assert.equal(edit.status, 200, edit.text);
    assert.deepEqual((await get(member, topic.id)).body.toc.map((e) => e.anchor), ['h-one', 'h-two']);
  });
});

describe('POST /api/articles/{id}/review', () => {
  test('401, 403, 404, 409; staff mark it reviewed, audited', async () => {
    const path = `/api/articles/${guide.id}/review`;
    assertError(await server.client().post(path), 401, 'unauthorized');
    assertError(await member.client.post(path), 403, 'forbidden');
    assertError(await moderator.client.post('/api/articles/999999/review'), 404, 'not_found');
    const chat = await createTopic(member.client, plain.id, 'chat', 'Chat topic');
    assertError(await moderator.client.post(`/api/articles/${chat.id}/review`), 409, 'not_article');

    const reviewed = await moderator.client.post<Article>(path);
    assert.equal(reviewed.status, 200, reviewed.text);
    assert.deepEqual(reviewed.body.reviewedBy, { id: moderator.id, username: moderator.username });
    assert.equal(reviewed.body.needsReview, false);
    assert.ok(Date.now() - Date.parse(reviewed.body.lastReviewedAt ?? '') < 60_000);
    const again = await admin.client.post<Article>(path);
    assert.deepEqual(again.body.reviewedBy, { id: admin.id, username: admin.username });
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'before']).where('action', '=', 'article.review').where('target_id', '=', String(guide.id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.actor_id), [moderator.id, admin.id]);
    assert.deepEqual(audit[0]?.before, { reviewedAt: null });
  });
});

describe('PUT /api/articles/{id}/feedback', () => {
  test('401, 400, 403 read key, 404, 409; one changeable answer per member, counted once as an activity', async () => {
    const topic = await createTopic(admin.client, kb.id, '## A', 'Feedback article');
    const path = `/api/articles/${topic.id}/feedback`;
    assertError(await server.client().put(path, { helpful: true }), 401, 'unauthorized');
    assertError(await answer(member, topic.id, {}), 400, 'invalid_request');
    assertError(await answer(member, topic.id, { helpful: 'yes' }), 400, 'invalid_request');
    assertError(await answer(member, topic.id, { helpful: true, comment: 'x'.repeat(1001) }), 400, 'invalid_request');
    const key = await createApiKey(member, 'read');
    assertError(await member.client.put(path, { helpful: true }, { apiKey: key.key }), 403, 'insufficient_scope');
    assertError(await answer(member, 999_999, { helpful: true }), 404, 'not_found');
    const hidden = await createTopic(admin.client, privateKb.id, 'secret', 'Secret article');
    assertError(await answer(member, hidden.id, { helpful: true }), 404, 'not_found');
    const chat = await createTopic(member.client, plain.id, 'chat', 'Another chat');
    assertError(await answer(member, chat.id, { helpful: true }), 409, 'not_article');

    const yes = await answer(member, topic.id, { helpful: true });
    assert.equal(yes.status, 200, yes.text);
    assert.deepEqual([yes.body.helpful, yes.body.helpfulShare, yes.body.myFeedback?.helpful, yes.body.myFeedback?.comment], [{ yes: 1, no: 0 }, 1, true, null]);
    const changed = await answer(member, topic.id, { helpful: false, comment: '  The port section is outdated  ' });
    assert.deepEqual([changed.body.helpful, changed.body.myFeedback?.comment], [{ yes: 0, no: 1 }, 'The port section is outdated']);
    await answer(other, topic.id, { helpful: true, comment: '   ' });
    const seen = await get(other, topic.id);
    assert.deepEqual([seen.body.helpful, seen.body.helpfulShare, seen.body.myFeedback?.helpful, seen.body.myFeedback?.comment], [{ yes: 1, no: 1 }, 0.5, true, null]);
    assert.equal((await get(null, topic.id)).body.myFeedback, null);
    const activities = await db().selectFrom('activities').select('kind').where('member_id', '=', member.id).where('kind', '=', 'article.feedback').execute();
    assert.equal(activities.length, 1, 'changing the answer is not a new activity');
  });

  test('GET feedback: 401, 403, staff read answers and comments', async () => {
    const topic = await createTopic(admin.client, kb.id, '## B', 'Commented article');
    await answer(member, topic.id, { helpful: false, comment: 'missing an example' });
    await answer(other, topic.id, { helpful: true });
    const path = `/api/articles/${topic.id}/feedback`;
    assertError(await server.client().get(path), 401, 'unauthorized');
    assertError(await member.client.get(path), 403, 'forbidden');
    type Page = { items: { member: { id: number }; helpful: boolean; comment: string | null }[]; nextCursor: string | null; helpful: { yes: number; no: number } };
    const all = await moderator.client.get<Page>(path);
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(all.body.items.map((i) => [i.member.id, i.helpful, i.comment]), [[other.id, true, null], [member.id, false, 'missing an example']]);
    assert.deepEqual(all.body.helpful, { yes: 1, no: 1 });
    const comments = await moderator.client.get<Page>(`${path}?withComment=true`);
    assert.deepEqual(comments.body.items.map((i) => i.comment), ['missing an example']);
    const first = await moderator.client.get<Page>(`${path}?limit=1`);
    assert.equal(first.body.items.length, 1);
    const next = await moderator.client.get<Page>(`${path}?limit=1&cursor=${first.body.nextCursor ?? ''}`);
    assert.deepEqual(next.body.items.map((i) => i.member.id), [member.id]);
    assertError(await moderator.client.get(`${path}?cursor=nonsense`), 400, 'invalid_request', 'cursor');
  });
});

describe('GET /api/spaces/{id}/articles', () => {
  test('404, 409, 400; sorted, with review dates, helpful shares and needs review per the setting', async () => {
    const space = await createSpace(admin.client, 'public', { kind: 'articles' });
    assertError(await list(null, privateKb.id), 404, 'not_found');
    assertError(await list(member, 999_999), 404, 'not_found');
    assertError(await list(member, plain.id), 409, 'not_article');
    assertError(await list(member, space.id, 'random'), 400, 'invalid_request');

    const zeta = await createTopic(admin.client, space.id, '## z', 'Zeta article');
    const alpha = await createTopic(admin.client, space.id, '## a', 'Alpha article');
    const mid = await createTopic(admin.client, space.id, '## m', 'Middle article');
    await answer(member, zeta.id, { helpful: true });
    await answer(other, zeta.id, { helpful: true });
    await answer(member, alpha.id, { helpful: false });
    await admin.client.post(`/api/articles/${alpha.id}/review`);
    await db().updateTable('article_reviews').set({ reviewed_at: new Date(Date.now() - 200 * DAY) }).where('topic_id', '=', alpha.id).execute();
    await admin.client.post(`/api/articles/${mid.id}/review`);

    const byTitle = await list(null, space.id);
    assert.equal(byTitle.status, 200, byTitle.text);
    assert.deepEqual(byTitle.body.items.map((i) => i.id), [alpha.id, mid.id, zeta.id]);
    assert.equal(byTitle.body.reviewDays, 180);
    const row = (id: number) => byTitle.body.items.find((i) => i.id === id);
    assert.deepEqual([row(zeta.id)?.helpful, row(zeta.id)?.helpfulShare, row(zeta.id)?.needsReview], [{ yes: 2, no: 0 }, 1, true]);
    assert.deepEqual([row(alpha.id)?.helpfulShare, row(alpha.id)?.needsReview], [0, true], 'reviewed 200 days ago');
    assert.deepEqual([row(mid.id)?.helpfulShare, row(mid.id)?.needsReview], [null, false]);
    assert.deepEqual((await list(member, space.id, 'reviewed')).body.items.map((i) => i.id), [zeta.id, alpha.id, mid.id]);
    assert.deepEqual((await list(member, space.id, 'helpful')).body.items.map((i) => i.id), [zeta.id, alpha.id, mid.id]);

    const settings = await admin.client.patch('/api/admin/settings', { articleReviewDays: 365 });
    assert.equal(settings.status, 200, settings.text);
    try {
      assert.equal((await list(member, space.id)).body.items.find((i) => i.id === alpha.id)?.needsReview, false);
      assert.equal((await get(member, alpha.id)).body.needsReview, false);
    } finally {
      await admin.client.patch('/api/admin/settings', { articleReviewDays: 180 });
    }
    await admin.client.patch(`/api/topics/${mid.id}`, { unlisted: true });
    assert.deepEqual((await list(member, space.id)).body.items.map((i) => i.id), [alpha.id, zeta.id], 'unlisted articles are for staff');
    assert.equal((await list(admin, space.id)).body.items.length, 3);
  });
});
