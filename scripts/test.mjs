// npm test: the whole suite on the embedded database and on PostgreSQL, then the browser test.
//   node scripts/test.mjs [--db pglite|postgres] [--e2e | --no-e2e] [test files…]
// PostgreSQL comes from TEST_DATABASE_URL (default postgres://127.0.0.1:5432/test); every run works in
// databases named after its own run id and drops them at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const onlyDb = option('--db');
const onlyE2e = flag('--e2e');
const noE2e = flag('--no-e2e');
const runId = `r${Date.now().toString(36)}${process.pid.toString(36)}`;

/** Embedded data dirs in memory when the machine has /dev/shm: copying and writing them on disk cost ~0.6 s a file. */
function pickScratch() {
  if (process.env.HEARTH_TEST_TMPDIR) return process.env.HEARTH_TEST_TMPDIR;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}
const scratch = pickScratch();
process.env.HEARTH_TEST_TMPDIR = scratch;

function listTests(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTests(full));
    else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out.sort();
}

function run(label, command, commandArgs, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

const node = process.execPath;
const tsx = ['--import', 'tsx'];
const results = [];
if (!run('build (if stale)', node, ['scripts/build.mjs', '--if-stale'])) process.exit(1);

// The XSS corpus file takes longest by far: started first, the other browser files run beside it.
const slowestFirst = (file) => (file.endsWith('xss.e2e.test.ts') ? 0 : 1);
const e2eFiles = listTests(path.join(root, 'test', 'e2e')).sort((a, b) => slowestFirst(a) - slowestFirst(b));
const unitFiles = args.length > 0 ? args.filter((f) => !f.includes('/e2e/')) : listTests(path.join(root, 'test')).filter((f) => !f.startsWith(path.join('test', 'e2e')));

if (!onlyE2e && unitFiles.length > 0) {
  for (const db of ['pglite', 'postgres']) {
    if (onlyDb && onlyDb !== db) continue;
    const templateDir = path.join(scratch, `hearth-template-${runId}`);
    const env = { HEARTH_TEST_DB: db, HEARTH_TEST_RUN: runId, HEARTH_TEST_TEMPLATE_DIR: templateDir, HEARTH_TEST_PG_TEMPLATE: `hearth_tpl_${runId}` };
    if (!run(`prepare ${db}`, node, [...tsx, 'test/support/prepare.ts', 'prepare', db], env)) {
      results.push([db, false]);
      continue;
    }
    const ok = run(`tests on ${db}`, node, [...tsx, '--test', '--test-concurrency=2', '--test-timeout=120000', ...unitFiles], env);
    run(`clean up ${db}`, node, [...tsx, 'test/support/prepare.ts', 'cleanup', db], env);
    results.push([db, ok]);
  }
}
if (!noE2e && e2eFiles.length > 0 && (args.length === 0 || args.some((f) => f.includes('/e2e/')))) {
  // Two browser files at a time: each waits on its browser and its own server much of the time. A file may take
  // up to 7 min (the XSS corpus loads every payload in several pages) on a slow shared machine.
  results.push(['browser', run('browser tests', node, [...tsx, '--test', '--test-concurrency=2', '--test-timeout=420000', ...e2eFiles])]);
}

console.log(`\n${results.map(([name, ok]) => `${ok ? '✔' : '✖'} ${name}`).join('   ')}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
