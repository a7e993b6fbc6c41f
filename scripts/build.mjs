// Builds the server (esbuild: one ESM bundle per entry, packages left external) and the web app (Vite).
// `--if-stale` skips the work when dist/ is newer than every source file, so `npm start` stays fast.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isFresh() {
  if (!fs.existsSync(stamp)) return false;
  const built = fs.statSync(stamp).mtimeMs;
  return inputs.every((input) => newestMtime(input) <= built);
}

if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);

const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/server/main.ts',
    cli: 'src/server/cli/index.ts',
    'pglite-worker': 'src/server/platform/db/pglite-worker.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
fs.writeFileSync(stamp, new Date().toISOString());
console.log(`hearth: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
