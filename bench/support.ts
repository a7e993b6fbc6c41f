// What every bench target shares: the load generator (wrk when installed, else autocannon; loopback only,
// stops by itself), starting a built Hearth, signing in, and the result table.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { freePort, root, run, serverEntry, type Spawned } from '../test/support/processes';

export const seconds = Number(process.env.BENCH_SECONDS ?? 6);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const serverEnv = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', SIGNUP_LIMIT_PER_HOUR: '100000', POSTS_PER_MINUTE: '10000000', HEARTH_JOBS: 'true' };

export interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** req/s of the bare node:http hello-world, measured right before this target (the machine's speed drifts over a run). */
  baseline: number;
}

export interface Target {
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
}

/**
 * wrk (C, one thread) costs the shared 2-core machine far less CPU per response than autocannon (Node),
 * so the server under test gets the other core. BENCH_TOOL=autocannon forces autocannon.
 */
const wrkPath = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));
export const loadTool = process.env.BENCH_TOOL === 'autocannon' || !wrkPath ? 'autocannon' : 'wrk';

/** wrk's latency figures ("99%    4.47ms") in milliseconds. */
function wrkMs(text: string, percentile: string): number {
  const match = new RegExp(`^\\s+${percentile}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(text);
  if (!match) throw new Error(`wrk printed no ${percentile}th percentile`);
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

type Measured = Omit<Result, 'label' | 'baseline'>;

async function runWrk(target: Target, duration: number): Promise<Measured> {
  const script = path.join(os.tmpdir(), `hearth-bench-${process.pid}.lua`);
  const lua = [`wrk.method = ${JSON.stringify(target.method ?? 'GET')}`];
  if (target.body !== undefined) lua.push(`wrk.body = ${JSON.stringify(target.body)}`);
  for (const [name, value] of Object.entries(target.headers ?? {})) lua.push(`wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`);
  fs.writeFileSync(script, `${lua.join('\n')}\n`);
  try {
    const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '-s', script, target.url];
    const { stdout } = await promisify(execFile)(wrkPath ?? 'wrk', args, { timeout: (duration + 30) * 1000 });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
    const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
    return { rps, p50: wrkMs(stdout, '50'), p99: wrkMs(stdout, '99'), errors: non2xx + socketErrors };
  } finally {
    fs.rmSync(script, { force: true });
  }
}

async function measure(target: Target, warmUp: boolean): Promise<Measured> {
  if (loadTool === 'wrk') {
    // A warm-up first, as below.
    if (warmUp) await runWrk(target, 2);
    return runWrk(target, seconds);
  }
  const options = { url: target.url, connections, headers: target.headers ?? {}, method: target.method ?? 'GET', body: target.body };
  // A warm-up, the same for every target: routes compile their schemas on first use, caches fill, and
  // V8 finishes optimizing the embedded database's WebAssembly in the background during the first seconds.
  if (warmUp) await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: seconds });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/**
 * The bare node:http hello-world (bench/hello.mjs), running for the whole bench: every target is
 * measured right after it, and its ratio is to that figure. On a shared 2-core machine the baseline
 * alone moved between 22k and 73k req/s within one run, so a single figure at the start compared
 * each target with a different machine.
 */
let helloUrl: string | undefined;
let helloWarmed = false;

export async function startBaseline(): Promise<Spawned> {
  const hello = run(path.join(root, 'bench', 'hello.mjs'), [], {});
  const [, port] = await hello.waitFor(/listening (\d+)/);
  helloUrl = `http://127.0.0.1:${port}/`;
  return hello;
}

export async function load(label: string, target: Target): Promise<Result> {
  if (!helloUrl) throw new Error('startBaseline() first');
  const hello = await measure({ url: helloUrl }, !helloWarmed);
  helloWarmed = true;
  return { label, ...(await measure(target, true)), baseline: hello.rps };
}

export async function startHearth(env: Record<string, string>): Promise<{ server: Spawned; url: string }> {
  const port = await freePort();
  const server = run(serverEntry, [], { ...serverEnv, ...env, PORT: String(port) });
  const [, url] = await server.waitFor(/Hearth is running at (\S+)/, 60_000);
  return { server, url: url ?? '' };
}

/** A new member's session cookie and CSRF token. */
export async function signIn(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const username = `bench_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const reply = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, email: `${username}@example.com`, password: 'bench password 123', acceptGuidelines: true }),
  });
  if (reply.status !== 201) throw new Error(`sign-up failed: ${reply.status} ${await reply.text()}`);
  const cookie = reply.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = await fetch(`${url}/api/session`, { headers: { cookie } });
  const { csrfToken } = (await session.json()) as { csrfToken?: string };
  if (session.status !== 200 || !csrfToken) throw new Error(`GET /api/session failed: ${session.status}`);
  return { cookie, csrfToken };
}

export const ratio = (r: Result): string => `${((r.rps / r.baseline) * 100).toFixed(0)}%`;

export function table(results: Result[]): string {
  const rows = results.map((r) => [r.label, Math.round(r.rps).toLocaleString('en'), `${r.p50} ms`, `${r.p99} ms`, Math.round(r.baseline).toLocaleString('en'), ratio(r), String(r.errors)]);
  const header = ['', 'req/s', 'p50', 'p99', 'node:http just before', 'ratio', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
