// Ideas boards as lists: top, trending (the SQL score against the pure rule) and new, the status
// filter and paging, and the roadmap grouped by status.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { trendingScore } from '../../src/server/features/programs/ideas';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, type Space } from '../discussions/helpers';
import type { IdeaPage, Roadmap } from '../support/ideas';

const HOUR = 3_600_000;

let server: TestServer;
let admin: TestMember;
let author: TestMember;
let crowd: TestMember[];
let board: Space;
const ids: Record<string, number> = {};

const db = () => server.runtime.ctx.database.db;
const list = (m: TestMember | null, spaceId: number, query = '') => (m ? m.client : server.client()).get<IdeaPage>(`/api/spaces/${spaceId}/ideas${query}`);
const titles = (page: IdeaPage) => page.items.map((i) => i.title);

/** Votes by the first `count` crowd members, cast `hoursAgo` hours ago. */
async function votes(topicId: number, count: number, hoursAgo: number): Promise<void> {
  for (const m of crowd.slice(0, count)) assert.equal((await m.client.post(`/api/ideas/${topicId}/vote`)).status, 200);
  const at = new Date(Date.now() - hoursAgo * HOUR);
  await db().updateTable('idea_votes').set({ created_at: at }).where('topic_id', '=', topicId).execute();
}

before(async () => {
  server = await startTestServer();
  [admin, author] = await Promise.all([createMember(server, 'admin'), createMember(server)]);
  crowd = await Promise.all(Array.from({ length: 6 }, () => createMember(server)));
  board = await createSpace(admin.client, 'public', { kind: 'ideas' });
  // Old favourite: 5 votes 20 days ago. Rising: 3 votes an hour ago. Steady: 4 votes 5 days ago. Fresh: none.
  for (const title of ['Old favourite', 'Rising star', 'Steady one', 'Fresh idea']) {
    ids[title] = (await createTopic(author.client, board.id, `About ${title}`, title)).id;
  }
  await votes(ids['Old favourite'] ?? 0, 5, 24 * 20);
  await votes(ids['Rising star'] ?? 0, 3, 1);
  await votes(ids['Steady one'] ?? 0, 4, 24 * 5);
});
after(() => server?.close());

describe('GET /api/spaces/{id}/ideas', () => {
  test('404 hidden or missing space, 409 not an ideas board, 400 bad sort, status or cursor', async () => {
    const hidden = await createSpace(admin.client, 'private', { kind: 'ideas' });
    const plain = await createSpace(admin.client, 'public');
    assertError(await list(null, hidden.id), 404, 'not_found');
    assertError(await list(author, 999_999), 404, 'not_found');
    assertError(await list(author, plain.id), 409, 'not_ideas_space');
    assertError(await list(author, board.id, '?sort=hot'), 400, 'invalid_request', 'sort');
    assertError(await list(author, board.id, '?status=maybe'), 400, 'invalid_request', 'status');
    assertError(await list(author, board.id, '?cursor=nonsense'), 400, 'invalid_request', 'cursor');
    // Cursors of the right shape with values no page ever ends on: 400, never a database error.
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const [sort, key] of [
      ['votes', [1e20, 1]], ['votes', [1, 1e30]], ['votes', [1.5, 2]], ['votes', [-1, 2]],
      ['new', ['2020-01-01T00:00:00Z', 1e30]], ['new', ['+275760-09-13T00:00:00.000Z', 1]],
      ['trending', [1e20]], ['trending', [0.5]],
    ] as const) {
      assertError(await list(author, board.id, `?sort=${sort}&cursor=${cursor([...key])}`), 400, 'invalid_request', 'cursor');
    }
    assert.equal((await list(admin, hidden.id)).status, 200);
  });

  test('top: most votes first, with the viewer\'s own votes; guests see no votes of theirs', async () => {
    const top = (await list(crowd[0] ?? null, board.id)).body;
    assert.deepEqual(titles(top), ['Old favourite', 'Steady one', 'Rising star', 'Fresh idea']);
    assert.deepEqual(top.items.map((i) => i.votes), [5, 4, 3, 0]);
    assert.deepEqual(top.items.map((i) => i.voted), [true, true, true, false]);
    assert.deepEqual((await list(crowd[5] ?? null, board.id)).body.items.map((i) => i.voted), [false, false, false, false]);
    assert.deepEqual((await list(null, board.id, '?sort=votes')).body.items.map((i) => i.voted), [false, false, false, false]);
  });

  test('trending: recent votes weigh more; the SQL score is the rule\'s score', async () => {
    const page = (await list(null, board.id, '?sort=trending')).body;
    assert.deepEqual(titles(page), ['Rising star', 'Steady one', 'Old favourite', 'Fresh idea']);
    for (const item of page.items) {
      const rows = await db().selectFrom('idea_votes').select('created_at').where('topic_id', '=', item.topicId).execute();
      const expected = trendingScore(rows.map((r) => r.created_at), new Date());
      assert.ok(Math.abs(item.trendingScore - expected) < 0.002, `${item.title}: ${item.trendingScore} vs ${expected}`);
    }
    assert.equal(page.items.find((i) => i.title === 'Old favourite')?.trendingScore, 0, 'votes older than 14 days do not trend');
  });

  test('new: newest first; pages follow their cursors without repeats for every sort', async () => {
    assert.deepEqual(titles((await list(null, board.id, '?sort=new')).body), ['Fresh idea', 'Steady one', 'Rising star', 'Old favourite']);
    for (const sort of ['votes', 'trending', 'new']) {
      const all = titles((await list(null, board.id, `?sort=${sort}`)).body);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const reply = await list(null, board.id, `?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(reply.status, 200, reply.text);
        seen.push(...titles(reply.body));
        cursor = reply.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all, sort);
    }
  });

  test('status filter; duplicates are left out unless asked for', async () => {
    const planned = ids['Steady one'] ?? 0;
    assert.equal((await admin.client.put(`/api/ideas/${planned}/status`, { status: 'planned', comment: 'Soon' })).status, 200);
    assert.deepEqual(titles((await list(null, board.id, '?status=planned')).body), ['Steady one']);
    assert.deepEqual(titles((await list(null, board.id, '?status=open&sort=new')).body), ['Fresh idea', 'Rising star', 'Old favourite']);
    const dup = await createTopic(author.client, board.id, 'Same as fresh', 'Fresh idea again');
    assert.equal((await admin.client.post(`/api/ideas/${dup.id}/merge`, { intoTopicId: ids['Fresh idea'] })).status, 200);
    assert.equal(titles((await list(null, board.id)).body).includes('Fresh idea again'), false);
    const dups = (await list(null, board.id, '?status=duplicate')).body;
    assert.deepEqual(dups.items.map((i) => [i.title, i.mergedIntoId]), [['Fresh idea again', ids['Fresh idea']]]);
  });
});

describe('GET /api/spaces/{id}/roadmap', () => {
  test('404, 409; columns by status with counts, most voted first', async () => {
    const plain = await createSpace(admin.client, 'public');
    assertError(await server.client().get(`/api/spaces/${plain.id}/roadmap`), 409, 'not_ideas_space');
    assertError(await server.client().get('/api/spaces/999999/roadmap'), 404, 'not_found');
    assertError(await server.client().get(`/api/spaces/${board.id}/roadmap?limit=0`), 400, 'invalid_request', 'limit');
    await admin.client.put(`/api/ideas/${ids['Rising star']}/status`, { status: 'planned' });
    await admin.client.put(`/api/ideas/${ids['Old favourite']}/status`, { status: 'done', comment: 'Shipped in 2.0' });
    const roadmap = (await server.client().get<Roadmap>(`/api/spaces/${board.id}/roadmap`)).body;
    assert.deepEqual(roadmap.columns.map((c) => [c.status, c.count, c.items.map((i) => i.title)]), [
      ['under_review', 0, []],
      ['planned', 2, ['Steady one', 'Rising star']],
      ['in_progress', 0, []],
      ['done', 1, ['Old favourite']],
    ]);
    const one = (await server.client().get<Roadmap>(`/api/spaces/${board.id}/roadmap?limit=1`)).body;
    assert.deepEqual(one.columns[1]?.items.map((i) => i.title), ['Steady one']);
    assert.equal(one.columns[1]?.count, 2);
  });
});
