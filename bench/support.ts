// What every bench target shares: the load generator (autocannon, loopback only, stops by itself),
// starting a built Hearth, signing in, and the result table.
import autocannon from 'autocannon';
import { freePort, run, serverEntry, type Spawned } from '../test/support/processes';

export const seconds = Number(process.env.BENCH_SECONDS ?? 6);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const serverEnv = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', SIGNUP_LIMIT_PER_HOUR: '100000', POSTS_PER_MINUTE: '10000000', HEARTH_JOBS: 'true' };

export interface Result {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface Target {
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
}

export async function load(label: string, target: Target): Promise<Result> {
  const options = { url: target.url, connections, headers: target.headers ?? {}, method: target.method ?? 'GET', body: target.body };
  // A warm-up, the same for every target: routes compile their schemas on first use, caches fill, and
  // V8 finishes optimizing the embedded database's WebAssembly in the background during the first seconds.
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: seconds });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
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

export function table(results: Result[], baseline: Result): string {
  const rows = results.map((r) => [r.label, Math.round(r.rps).toLocaleString('en'), `${r.p50} ms`, `${r.p99} ms`, `${((r.rps / baseline.rps) * 100).toFixed(0)}%`, String(r.errors)]);
  const header = ['', 'req/s', 'p50', 'p99', 'vs node:http', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
