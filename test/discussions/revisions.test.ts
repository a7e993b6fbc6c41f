// Revision history: GET /api/posts/{id}/revisions lists every revision (the current one last) with its
// editor and a line diff from the one before; whoever may see the post may see them. The line diff is
// a pure function, table-tested here too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lineDiff } from '../../src/server/features/discussions/posts/line-diff.rules';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { assertError, createSpace, createTopic, replyTo, type Post, type TopicDetail } from './helpers';

interface Revision {
  revision: number;
  body: string;
  editor: { id: number; username: string | null; displayName: string } | null;
  createdAt: string;
  diff: { op: 'same' | 'remove' | 'add'; text: string }[] | null;
}

let server: TestServer;
let member: TestMember;
let other: TestMember;
let moderator: TestMember;
let admin: TestMember;
let topic: TopicDetail;
let hidden: TopicDetail;

before(async () => {
  server = await startTestServer();
  [member, other, moderator, admin] = await Promise.all([
    createMember(server, 'member'), createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin'),
  ]);
  const space = await createSpace(admin.client, 'public');
  const privateSpace = await createSpace(admin.client, 'private');
  topic = await createTopic(member.client, space.id);
  hidden = await createTopic(admin.client, privateSpace.id);
});
after(() => server?.close());

describe('lineDiff', () => {
  const cases: [string, string, string, string[]][] = [
    ['identical', 'a\nb', 'a\nb', ['=a', '=b']],
    ['a line added', 'a\nc', 'a\nb\nc', ['=a', '+b', '=c']],
    ['a line removed', 'a\nb\nc', 'a\nc', ['=a', '-b', '=c']],
    ['a line changed', 'a\nb\nc', 'a\nB\nc', ['=a', '-b', '+B', '=c']],
    ['from empty', '', 'x', ['-', '+x']],
    ['everything changed', 'a\nb', 'c\nd', ['-a', '-b', '+c', '+d']],
    ['moved lines keep the longest common run', 'a\nb\nc\nd', 'b\nc\nd\na', ['-a', '=b', '=c', '=d', '+a']],
    ['CRLF counts as a line break', 'a\r\nb', 'a\nb', ['=a', '=b']],
  ];
  for (const [name, before, after, expected] of cases) {
    test(name, () => {
      const sign = { same: '=', remove: '-', add: '+' } as const;
      assert.deepEqual(lineDiff(before, after).map((l) => sign[l.op] + l.text), expected);
    });
  }

  test('large texts stay fast and correct', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const b = a.map((l, i) => (i % 3 === 0 ? `${l} changed` : l));
    const diff = lineDiff(a.join('\n'), b.join('\n'));
    assert.deepEqual(diff.filter((l) => l.op !== 'add').map((l) => l.text), a);
    assert.deepEqual(diff.filter((l) => l.op !== 'remove').map((l) => l.text), b);
  });
});

describe('GET /api/posts/{id}/revisions', () => {
  test('400 for a bad id; 404 for unknown posts and posts in a space the viewer cannot see', async () => {
    assertError(await member.client.get('/api/posts/abc/revisions'), 400, 'invalid_request', 'id');
    assertError(await member.client.get('/api/posts/999999/revisions'), 404, 'not_found');
    assertError(await member.client.get(`/api/posts/${hidden.posts[0]?.id ?? 0}/revisions`), 404, 'not_found');
    assertError(await server.client().get(`/api/posts/${hidden.posts[0]?.id ?? 0}/revisions`), 404, 'not_found');
  });

  test('a post never edited has one revision', async () => {
    const post = await replyTo(member.client, topic.id, 'only version');
    const reply = await server.client().get<{ items: Revision[] }>(`/api/posts/${post.id}/revisions`);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.items.length, 1);
    const [first] = reply.body.items;
    assert.deepEqual([first?.revision, first?.body, first?.editor?.id, first?.editor?.username, first?.diff], [1, 'only version', member.id, member.username, null]);
    assert.equal(first?.createdAt, (post as Post & { createdAt: string }).createdAt);
  });

  test('every revision, oldest first, with its editor and a diff from the previous one; guests too', async () => {
    const post = await replyTo(member.client, topic.id, 'line one\nline two\nline three');
    const second = await member.client.patch<Post>(`/api/posts/${post.id}`, { body: 'line one\nline 2\nline three', revision: 1 });
    assert.equal(second.status, 200, second.text);
    assert.equal((await moderator.client.patch(`/api/posts/${post.id}`, { body: 'line one\nline 2\nline three\nline four', revision: 2 })).status, 200);
    const reply = await server.client().get<{ items: Revision[] }>(`/api/posts/${post.id}/revisions`);
    assert.equal(reply.status, 200, reply.text);
    const items = reply.body.items;
    assert.deepEqual(items.map((r) => [r.revision, r.editor?.id, r.body]), [
      [1, member.id, 'line one\nline two\nline three'],
      [2, member.id, 'line one\nline 2\nline three'],
      [3, moderator.id, 'line one\nline 2\nline three\nline four'],
    ]);
    assert.deepEqual(items[1]?.diff, [
      { op: 'same', text: 'line one' }, { op: 'remove', text: 'line two' }, { op: 'add', text: 'line 2' }, { op: 'same', text: 'line three' },
    ]);
    assert.deepEqual(items[2]?.diff?.filter((l) => l.op !== 'same'), [{ op: 'add', text: 'line four' }]);
    const times = items.map((r) => Date.parse(r.createdAt));
    assert.ok(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0)), JSON.stringify(items));
  });

  test('a deleted post: its author and staff only', async () => {
    const post = await replyTo(member.client, topic.id, 'soon deleted');
    assert.equal((await member.client.delete(`/api/posts/${post.id}`)).status, 204);
    assertError(await other.client.get(`/api/posts/${post.id}/revisions`), 404, 'not_found');
    assertError(await server.client().get(`/api/posts/${post.id}/revisions`), 404, 'not_found');
    assert.equal((await member.client.get(`/api/posts/${post.id}/revisions`)).status, 200);
    const staff = await moderator.client.get<{ items: Revision[] }>(`/api/posts/${post.id}/revisions`);
    assert.equal(staff.status, 200);
    assert.equal(staff.body.items[0]?.body, 'soon deleted');
  });
});
