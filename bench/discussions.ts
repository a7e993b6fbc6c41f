// The discussions part of npm run bench: a community of 100k posts written straight into the database
// (bulk SQL, Markdown rendered by the real renderer), then the hot reads and a reply under load, each
// with the read cache on (hits) and off (RESPONSE_CACHE_ENTRIES=0: every request computes, as a miss).
import { renderMarkdown } from '../src/server/features/discussions';
import { openDatabase, type Database } from '../src/server/platform/db/database';
import { relaxedModeration } from '../test/support/server';
import { measureDryRun } from './moderation';
import { load, signIn, startHearth, type Result, type Target } from './support';

export interface BenchCommunity {
  spaceId: number;
  hotTopicId: number;
  replyTopicId: number;
  posts: number;
  searchTerm: string;
}

const TOPICS = 5000;
const POSTS_PER_TOPIC = 20;
const MEMBERS = 200;
const BODIES = 1000;
export const SEARCH_TERM = 'lantern';

const WORDS = (
  'the a to and of in is it for on with that this be are as you can not have from or at by an was we but if they ' +
  'server client build deploy error config cache query index release version update install plugin theme docs api ' +
  'request response timeout retry token session login password member topic reply thread post moderator community ' +
  'question answer idea feature bug report crash log trace memory cpu disk network proxy socket stream queue worker ' +
  'database migration schema table column row backup restore upgrade downgrade browser mobile desktop screen button ' +
  'thanks please help works broken fixed still again maybe really quite simple complex faster slower better worse'
).split(' ');

/** A small deterministic generator, so every run seeds the same community. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function bodies(): { markdown: string[]; html: string[] } {
  const next = random(7);
  const markdown: string[] = [];
  for (let i = 0; i < BODIES; i++) {
    const words = Array.from({ length: 30 + Math.floor(next() * 60) }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word');
    // One body in a hundred mentions the search term: about 1,000 of the 100k posts.
    if (i % 100 === 0) words.splice(Math.floor(next() * words.length), 0, SEARCH_TERM);
    const sentence = words.join(' ');
    markdown.push(i % 5 === 0 ? `${sentence}\n\n\`\`\`js\nconsole.log(${i});\n\`\`\`` : i % 3 === 0 ? `**Note:** ${sentence}` : sentence);
  }
  return { markdown, html: markdown.map(renderMarkdown) };
}

/** Migrates the database and fills it; the server must not be running (the embedded one allows one process). */
export async function seedCommunity(target: { databaseUrl: string | undefined; dataDir: string }, whileOpen?: (database: Database) => Promise<void>): Promise<BenchCommunity> {
  const database = await openDatabase({ ...target, poolSize: 2 });
  try {
    await database.migrate();
    const { markdown, html } = bodies();
    const members = await database.raw(
      `insert into members (display_name, joined_at) select 'Bench member ' || g, now() - interval '400 days' from generate_series(1, $1::int) g returning id`,
      [MEMBERS],
    );
    const firstMember = Number(members.rows[0]?.id);
    await database.raw(
      `insert into accounts (member_id, username, email, password_hash) select id, 'bench' || id, 'bench' || id || '@example.com', 'not-a-hash' from members where id >= $1::bigint`,
      [firstMember],
    );
    const space = await database.raw(`insert into spaces (name, slug, description) values ('Bench', 'bench', 'Benchmark space') returning id`, []);
    const spaceId = Number(space.rows[0]?.id);
    await database.raw(
      `insert into topics (space_id, author_id, title, slug, last_post_number, reply_count, last_posted_at, last_poster_id, created_at, updated_at)
       select $1::bigint, $2::bigint + (g % $3::int), 'Bench topic number ' || g, 'bench-topic-number-' || g, $4::int, $4::int - 1,
              now() - interval '200 days' + g * interval '50 minutes' + $4::int * interval '7 minutes', $2::bigint,
              now() - interval '200 days' + g * interval '50 minutes', now()
       from generate_series(1, $5::int) g`,
      [spaceId, firstMember, MEMBERS, POSTS_PER_TOPIC, TOPICS],
    );
    await database.raw(
      `insert into posts (topic_id, author_id, post_number, body, html, created_at, updated_at)
       select t.id, $1::bigint + ((t.id * 7 + n) % $2::int), n, ($3::text[])[1 + ((t.id * 31 + n * 17) % $4::int)],
              ($5::text[])[1 + ((t.id * 31 + n * 17) % $4::int)], t.created_at + n * interval '7 minutes', now()
       from topics t cross join generate_series(1, $6::int) n where t.space_id = $7::bigint`,
      [firstMember, MEMBERS, markdown, BODIES, html, POSTS_PER_TOPIC, spaceId],
    );
    await database.raw(
      `update spaces set topic_count = $1::int, post_count = $2::int, last_posted_at = (select max(last_posted_at) from topics where space_id = $3::bigint) where id = $3::bigint`,
      [TOPICS, TOPICS * POSTS_PER_TOPIC, spaceId],
    );
    // The bench's reply load comes from one new member: the new-member posting limits would refuse it
    // after the first post (the gate, classifiers and automod still run on every reply).
    await database.raw(`insert into settings (key, value) values ('trustLevelLimits', $1::jsonb) on conflict (key) do update set value = excluded.value`, [
      JSON.stringify(relaxedModeration.trustLevelLimits),
    ]);
    // Vacuumed as well as analyzed, so autovacuum does not wake up on the fresh rows in the middle of a measurement.
    await database.raw('vacuum analyze');
    await whileOpen?.(database);
    const ids = await database.raw(`select min(id) as first, max(id) as last from topics where space_id = $1::bigint`, [spaceId]);
    return { spaceId, hotTopicId: Number(ids.rows[0]?.last), replyTopicId: Number(ids.rows[0]?.first), posts: TOPICS * POSTS_PER_TOPIC, searchTerm: SEARCH_TERM };
  } finally {
    await database.close();
  }
}

export interface DiscussionFigures {
  results: Result[];
  /** Labels of the read targets measured with the cache on. */
  reads: string[];
  search: string;
  /** Lines measured in-process on the seeded database (the moderation dry-run). */
  notes: string[];
}

async function readTargets(url: string, community: BenchCommunity, cookie: string): Promise<[string, Target][]> {
  const topic = await fetch(`${url}/api/topics/${community.hotTopicId}`, { headers: { cookie } });
  const detail = (await topic.json()) as { slug?: string; posts?: unknown[] };
  if (topic.status !== 200 || !detail.slug || detail.posts?.length !== 20) throw new Error(`the hot topic did not load (${topic.status})`);
  // The reads ask for gzip as every browser does (Accept-Encoding); cached answers are compressed once.
  const gzip = { 'accept-encoding': 'gzip, deflate, br' };
  return [
    ['GET /api/topics/:id (20 posts, signed in)', { url: `${url}/api/topics/${community.hotTopicId}`, headers: { cookie, ...gzip } }],
    ['GET /api/spaces/:id/topics (signed in)', { url: `${url}/api/spaces/${community.spaceId}/topics`, headers: { cookie, ...gzip } }],
    ['GET /t/:slug/:id (HTML, guest)', { url: `${url}/t/${detail.slug}/${community.hotTopicId}`, headers: gzip }],
    [`GET /api/search?q=${community.searchTerm} (signed in)`, { url: `${url}/api/search?q=${community.searchTerm}`, headers: { cookie, ...gzip } }],
  ];
}

/** Seeds 100k posts, then loads the reads with the cache on and off, and replies. */
/**
 * The reads and a reply on one database. With `redisUrl`, the reads are measured once more with Redis as
 * production runs several processes: events, purges and the shared rate-limit budget go through it.
 */
export async function measureDiscussions(name: string, target: { databaseUrl: string | undefined; dataDir: string }, env: Record<string, string>, redisUrl?: string): Promise<DiscussionFigures> {
  const started = performance.now();
  const notes: string[] = [];
  const community = await seedCommunity(target, async (database) => {
    notes.push(...(await measureDryRun(name, database)));
  });
  console.log(`${name}: seeded ${community.posts.toLocaleString('en')} posts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const results: Result[] = [];
  const reads: string[] = [];
  let search = '';
  for (const cache of ['hit', 'miss'] as const) {
    const { server, url } = await startHearth({ ...env, ...(cache === 'miss' ? { RESPONSE_CACHE_ENTRIES: '0' } : {}) });
    try {
      const { cookie, csrfToken } = await signIn(url);
      for (const [label, request] of await readTargets(url, community, cookie)) {
        const full = `${name}: ${label} [cache ${cache}]`;
        results.push(await load(full, request));
        if (cache === 'hit') reads.push(full);
        if (cache === 'hit' && label.includes('search')) search = full;
      }
      if (cache === 'hit') {
        const reply = {
          url: `${url}/api/topics/${community.replyTopicId}/posts`,
          method: 'POST' as const,
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ body: 'A benchmark reply with **some** Markdown and a [link](https://example.com).' }),
        };
        results.push(await load(`${name}: POST /api/topics/:id/posts (reply)`, reply));
      }
    } finally {
      await server.stop();
    }
  }
  if (redisUrl) {
    try {
      const { server, url } = await startHearth({ ...env, REDIS_URL: redisUrl, REDIS_PREFIX: `hearth-bench-${process.pid}:` });
      try {
        const { cookie } = await signIn(url);
        for (const [label, request] of await readTargets(url, community, cookie)) results.push(await load(`${name} + Redis: ${label} [cache hit]`, request));
      } finally {
        await server.stop();
      }
    } catch (error) {
      notes.push(`${name} + Redis skipped: ${(error as Error).message}`);
    }
  }
  return { results, reads, search, notes };
}
