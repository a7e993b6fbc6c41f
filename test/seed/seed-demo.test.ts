// npm run seed:demo: the script runs as its own process against a fresh database, refuses a second run
// without --force, and a server opened on the same database afterwards serves the demo community.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { root } from '../support/processes';
import { startTestServer, type TestServer } from '../support/server';

interface Space {
  id: number;
  name: string;
  visibility: 'public' | 'private';
  kind: string;
  topicCount: number;
  postCount: number;
  lastPostedAt: string | null;
}

interface Topic {
  id: number;
  spaceId: number;
  replyCount: number;
  createdAt: string;
  lastPostedAt: string;
}

interface Post {
  id: number;
  postNumber: number;
  replyToPostId: number | null;
  html: string;
  createdAt: string;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const SMALL = ['--members', '8', '--topics', '12', '--posts', '60', '--seed', '7'];
const DAY = 86_400_000;

/** Runs the seed script with only the test database's location in the environment (no stray DATABASE_URL). */
function runSeed(database: TestDatabase, args: string[]): Promise<Finished> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...database.env };
  if (!database.env.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'seed-demo.ts'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

let database: TestDatabase;
let first: Finished;
let second: Finished;
let server: TestServer | undefined;

before(async () => {
  database = await freshDatabase();
  first = await runSeed(database, SMALL);
  second = await runSeed(database, SMALL);
  // The embedded database allows one process at a time: the server opens it once the seed has exited.
  server = await startTestServer({ database });
});
after(async () => {
  await server?.close();
  await database?.drop();
});

describe('seed:demo', () => {
  test('fills the database, shows progress and prints a summary with the login', () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /topics 12\/12 · posts 60\/60/);
    assert.match(first.stdout, /7 spaces \(1 private: Staff Lounge\), 9 members, 12 topics, 60 posts/);
    assert.match(first.stdout, /Q&A: \d+ questions, \d+ accepted answers/);
    assert.match(first.stdout, /ideas board: 12 ideas, \d+ votes · events: 4 \(one AMA\)/);
    assert.match(first.stdout, /password \S+/);
    assert.match(first.stdout, /admin: +demo_admin/);
  });

  test('a second run without --force exits non-zero and says why', () => {
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /already holds the demo community.*--force/);
    assert.doesNotMatch(second.stdout, /seeded/);
  });

  test('guests see the public spaces but not the private one', async () => {
    const guest = (server as TestServer).client();
    const reply = await guest.get<{ items: Space[] }>('/api/spaces');
    assert.equal(reply.status, 200);
    const names = reply.body.items.map((s) => s.name).sort();
    assert.deepEqual(names, ['Announcements', 'General', 'Help & Troubleshooting', 'Ideas & Feedback', 'Show and Tell', 'Workshop Evenings']);
    assert.ok(reply.body.items.every((s) => s.visibility === 'public'));
  });

  test('staff see the private space, and the counts add up to the requested size', async () => {
    const admin = (server as TestServer).client();
    const password = /password (\S+)/.exec(first.stdout)?.[1] ?? '';
    const login = await admin.post('/api/session', { login: 'demo_admin', password });
    assert.equal(login.status, 200, login.text);
    const spaces = (await admin.get<{ items: Space[] }>('/api/spaces')).body.items;
    assert.equal(spaces.length, 7);
    const lounge = spaces.find((s) => s.name === 'Staff Lounge');
    assert.equal(lounge?.visibility, 'private');
    // The requested topics and posts fill the discussion and Q&A spaces; the programs add their own.
    const discussions = spaces.filter((s) => s.kind === 'discussion' || s.kind === 'qa');
    assert.equal(discussions.reduce((sum, s) => sum + s.topicCount, 0), 12);
    assert.equal(discussions.reduce((sum, s) => sum + s.postCount, 0), 60);
    assert.ok(spaces.every((s) => s.topicCount === 0 || s.lastPostedAt !== null));
  });

  test('the latest feed holds topics whose activity is spread over months, replies after their topic', async () => {
    const guest = (server as TestServer).client();
    const spaces = (await guest.get<{ items: Space[] }>('/api/spaces')).body.items;
    const publicIds = new Set(spaces.map((s) => s.id));
    const feed = await guest.get<{ items: Topic[] }>('/api/topics?feed=latest&limit=50');
    assert.equal(feed.status, 200);
    const topics = feed.body.items;
    assert.ok(topics.length > 0);
    assert.ok(topics.every((t) => publicIds.has(t.spaceId)), 'no topic of the private space');
    const now = Date.now();
    const created = topics.map((t) => Date.parse(t.createdAt));
    for (const t of topics) {
      const at = Date.parse(t.createdAt);
      assert.ok(at > now - 183 * DAY && at <= now, `createdAt ${t.createdAt} within the last six months`);
      assert.ok(Date.parse(t.lastPostedAt) >= at && Date.parse(t.lastPostedAt) <= now);
    }
    assert.ok(Math.max(...created) - Math.min(...created) > 30 * DAY, 'topics spread over more than a month');
    const sorted = topics.map((t) => Date.parse(t.lastPostedAt));
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a), 'latest first');

    const busiest = [...topics].sort((a, b) => b.replyCount - a.replyCount)[0];
    assert.ok(busiest && busiest.replyCount > 0);
    const detail = await guest.get<{ createdAt: string; lastPostedAt: string; posts: Post[] }>(`/api/topics/${busiest.id}`);
    assert.equal(detail.status, 200);
    const posts = detail.body.posts;
    assert.equal(posts[0]?.createdAt, detail.body.createdAt);
    for (let i = 1; i < posts.length; i++) assert.ok(Date.parse(posts[i]?.createdAt ?? '') >= Date.parse(posts[i - 1]?.createdAt ?? ''), 'posts in time order');
    assert.ok(posts.every((p) => p.html.startsWith('<') && !p.html.includes('<script')), 'rendered HTML');
  });

  test('the programs have data: answered questions, voted ideas with statuses, upcoming events with RSVPs, badges', async () => {
    const guest = (server as TestServer).client();
    const spaces = (await guest.get<{ items: Space[] }>('/api/spaces')).body.items;
    const of = (kind: string): Space => {
      const space = spaces.find((s) => s.kind === kind);
      assert.ok(space, kind);
      return space;
    };
    const answered = await guest.get<{ items: { answered: boolean }[] }>(`/api/spaces/${of('qa').id}/questions?filter=answered`);
    assert.equal(answered.status, 200, answered.text);
    const ideas = await guest.get<{ items: { votes: number; status: string }[] }>(`/api/spaces/${of('ideas').id}/ideas?sort=votes`);
    assert.equal(ideas.status, 200, ideas.text);
    assert.equal(ideas.body.items.length, 12);
    assert.ok(ideas.body.items.every((i) => i.votes > 0), 'every idea has votes');
    assert.ok(ideas.body.items.some((i) => i.status === 'planned') && ideas.body.items.some((i) => i.status === 'done'));
    const upcoming = await guest.get<{ items: { title: string; counts: { going: number } }[] }>(`/api/spaces/${of('events').id}/events?when=upcoming`);
    assert.equal(upcoming.status, 200, upcoming.text);
    assert.equal(upcoming.body.items.length, 2);
    assert.ok(upcoming.body.items.every((e) => e.counts.going > 0));
    const past = await guest.get<{ items: unknown[] }>(`/api/spaces/${of('events').id}/events?when=past`);
    assert.equal(past.body.items.length, 2);
    const badges = await guest.get<{ items: { grantCount: number }[] }>('/api/badges');
    assert.ok(badges.body.items.some((b) => b.grantCount > 0), 'the rules granted badges');
  });
});
