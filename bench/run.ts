// npm run bench: throughput and latency, next to a bare node:http hello-world measured in the same run,
// on the embedded database and on PostgreSQL: GET /healthz and an authenticated GET /api/me; then a
// 100k-post community's topic page, space list, server-rendered topic, search and a reply, the reads
// with the read cache on (hits) and off (misses), and the PostgreSQL hits once more with Redis (as several
// processes run); plus the warm start time. Traffic goes to 127.0.0.1 only, and every run stops by itself.
//   BENCH_SECONDS (default 6), BENCH_CONNECTIONS (default 50), TEST_DATABASE_URL (PostgreSQL),
//   BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_ONLY=platform|discussions
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, databaseUrlFor, dropDatabase } from '../test/support/databases';
import { assertBuilt, freePort, run, serverEntry } from '../test/support/processes';
import { measureDiscussions, type DiscussionFigures } from './discussions';
import { measureGateCost } from './moderation';
import { connections, load, loadTool, ratio, seconds, serverEnv, signIn, startBaseline, startHearth, table, type Result } from './support';

async function measurePlatform(name: string, env: Record<string, string>): Promise<Result[]> {
  const { server, url } = await startHearth(env);
  try {
    const { cookie } = await signIn(url);
    return [await load(`${name}: GET /healthz`, { url: `${url}/healthz` }), await load(`${name}: GET /api/me (signed in)`, { url: `${url}/api/me`, headers: { cookie } })];
  } finally {
    await server.stop();
  }
}

/** Time from process start to a 200 from /healthz, on a data dir that already exists. */
async function warmStartMs(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = run(serverEntry, [], { ...serverEnv, HEARTH_DATA_DIR: dataDir, PORT: String(port) });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 30_000) throw new Error('the server did not come up within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await server.stop();
  }
}

function goals(figures: DiscussionFigures[], all: Result[]): string[] {
  const byLabel = new Map(all.map((r) => [r.label, r]));
  return figures.flatMap((f) => {
    const reads = f.reads.map((label) => byLabel.get(label)).filter((r): r is Result => r !== undefined);
    const search = byLabel.get(f.search);
    const [first] = reads;
    if (!first) return [];
    const worst = reads.reduce((min, r) => (r.rps / r.baseline < min.rps / min.baseline ? r : min), first);
    const slowest = reads.filter((r) => r.label !== f.search).reduce((max, r) => (r.p99 > max.p99 ? r : max), first);
    return [
      `  ${worst.label.split(':')[0]}: lowest read ratio (cache hit) ${ratio(worst)} of node:http (${worst.label.split(': ')[1] ?? ''}; goal >= 30%); worst p99 of the other reads ${slowest.p99} ms (goal < 25 ms); search p99 ${search?.p99 ?? '?'} ms (goal < 50 ms)`,
    ];
  });
}

async function main(): Promise<void> {
  assertBuilt();
  console.log(`Hearth bench (${loadTool}): ${connections} connections, ${seconds} s per target, ${os.cpus().length} CPUs, Node ${process.versions.node}\n`);
  const hello = await startBaseline();
  const only = process.env.BENCH_ONLY;
  const gate = only === 'platform' ? [] : measureGateCost();
  const results: Result[] = [];
  const figures: DiscussionFigures[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  const communityDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-community-'));
  const pgName = `hearth_bench_${process.pid}`;
  const pgCommunity = `hearth_bench_c_${process.pid}`;
  let warm: number[] = [];
  try {
    if (only !== 'discussions') {
      results.push(...(await measurePlatform('embedded', { HEARTH_DATA_DIR: dataDir })));
      warm = [await warmStartMs(dataDir), await warmStartMs(dataDir), await warmStartMs(dataDir)].sort((a, b) => a - b);
    }
    if (only !== 'platform') figures.push(await measureDiscussions('embedded', { databaseUrl: undefined, dataDir: communityDir }, { HEARTH_DATA_DIR: communityDir }));
    try {
      if (only !== 'discussions') {
        await createDatabase(pgName);
        results.push(...(await measurePlatform('PostgreSQL', { DATABASE_URL: databaseUrlFor(pgName) })));
      }
      if (only !== 'platform') {
        await createDatabase(pgCommunity);
        const url = databaseUrlFor(pgCommunity);
        figures.push(await measureDiscussions('PostgreSQL', { databaseUrl: url, dataDir: communityDir }, { DATABASE_URL: url }, process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'));
      }
    } catch (error) {
      console.error(`PostgreSQL skipped: ${(error as Error).message}`);
    }
    const all = [...results, ...figures.flatMap((f) => f.results)];
    console.log(`\n${table(all)}`);
    const rates = all.map((r) => r.baseline);
    console.log(`\nbare node:http hello-world, measured before each target: ${Math.round(Math.min(...rates)).toLocaleString('en')} to ${Math.round(Math.max(...rates)).toLocaleString('en')} req/s over ${rates.length} runs`);
    const me = results.filter((r) => r.label.includes('/api/me'));
    if (me.length > 0) console.log(`Goal: GET /api/me at 30% or more of bare node:http -> ${me.map((r) => `${r.label.split(':')[0]} ${ratio(r)}`).join(', ')}`);
    if (figures.length > 0) console.log(`Goals for discussions (100k posts, ${connections} connections):\n${goals(figures, all).join('\n')}`);
    for (const line of figures.flatMap((f) => f.notes)) console.log(line);
    if (gate.length > 0) console.log(gate.join('\n'));
    if (warm.length > 0) console.log(`Warm start (existing embedded data dir, process start to first 200 from /healthz): median ${Math.round(warm[1] ?? 0)} ms (runs: ${warm.map((w) => Math.round(w)).join(', ')} ms; goal < 1500 ms)`);
  } finally {
    await hello.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(communityDir, { recursive: true, force: true });
    await dropDatabase(pgName).catch(() => undefined);
    await dropDatabase(pgCommunity).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
