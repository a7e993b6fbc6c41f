// npm run bench: throughput and latency of GET /healthz and an authenticated GET /api/me on the embedded
// database and on PostgreSQL, next to a bare node:http hello-world measured in the same run, plus the
// warm start time. Traffic goes to 127.0.0.1 only, and every run stops by itself.
//   BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 32), TEST_DATABASE_URL (PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, databaseUrlFor, dropDatabase } from '../test/support/databases';
import { assertBuilt, freePort, root, run, serverEntry, type Spawned } from '../test/support/processes';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const serverEnv = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', SIGNUP_LIMIT_PER_HOUR: '100000', HEARTH_JOBS: 'true' };

interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A warm-up, the same for every target: routes compile their schemas on first use, and V8 finishes
  // optimizing the embedded database's WebAssembly in the background during the first seconds.
  await autocannon({ url, connections, duration: 3, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function startHearth(env: Record<string, string>): Promise<{ server: Spawned; url: string }> {
  const port = await freePort();
  const server = run(serverEntry, [], { ...serverEnv, ...env, PORT: String(port) });
  const [, url] = await server.waitFor(/Hearth is running at (\S+)/, 60_000);
  return { server, url: url ?? '' };
}

async function signedInCookie(url: string): Promise<string> {
  const username = `bench_${Date.now().toString(36)}`;
  const reply = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, email: `${username}@example.com`, password: 'bench password 123', acceptGuidelines: true }),
  });
  if (reply.status !== 201) throw new Error(`sign-up failed: ${reply.status} ${await reply.text()}`);
  const cookie = reply.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await fetch(`${url}/api/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/me failed: ${me.status}`);
  return cookie;
}

async function measureHearth(name: string, env: Record<string, string>): Promise<Result[]> {
  const { server, url } = await startHearth(env);
  try {
    const cookie = await signedInCookie(url);
    return [await load(`${name}: GET /healthz`, `${url}/healthz`), await load(`${name}: GET /api/me (signed in)`, `${url}/api/me`, { cookie })];
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

function table(results: Result[], baseline: Result): string {
  const rows = results.map((r) => [r.label, Math.round(r.rps).toLocaleString('en'), `${r.p50} ms`, `${r.p99} ms`, `${((r.rps / baseline.rps) * 100).toFixed(0)}%`, String(r.errors)]);
  const header = ['', 'req/s', 'p50', 'p99', 'vs node:http', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  assertBuilt();
  console.log(`Hearth bench: ${connections} connections, ${seconds} s per target, ${os.cpus().length} CPUs, Node ${process.versions.node}\n`);
  const hello = run(path.join(root, 'bench', 'hello.mjs'), [], {});
  let baseline: Result;
  try {
    const [, port] = await hello.waitFor(/listening (\d+)/);
    baseline = await load('bare node:http hello-world', `http://127.0.0.1:${port}/`);
  } finally {
    await hello.stop();
  }

  const results: Result[] = [baseline];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  const pgName = `hearth_bench_${process.pid}`;
  try {
    results.push(...(await measureHearth('embedded', { HEARTH_DATA_DIR: dataDir })));
    const warm = [await warmStartMs(dataDir), await warmStartMs(dataDir), await warmStartMs(dataDir)].sort((a, b) => a - b);
    try {
      await createDatabase(pgName);
      results.push(...(await measureHearth('PostgreSQL', { DATABASE_URL: databaseUrlFor(pgName) })));
    } catch (error) {
      console.error(`PostgreSQL skipped: ${(error as Error).message}`);
    }
    console.log(table(results, baseline));
    const me = results.filter((r) => r.label.includes('/api/me'));
    console.log(`\nGoal: GET /api/me at 30% or more of bare node:http -> ${me.map((r) => `${r.label.split(':')[0]} ${((r.rps / baseline.rps) * 100).toFixed(0)}%`).join(', ')}`);
    console.log(`Warm start (existing embedded data dir, process start to first 200 from /healthz): median ${Math.round(warm[1] ?? 0)} ms (runs: ${warm.map((w) => Math.round(w)).join(', ')} ms; goal < 1500 ms)`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(pgName).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
