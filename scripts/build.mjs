// Builds the server (esbuild: ESM bundles with their dependencies, see `external`) and the web app (Vite).
// `--if-stale` skips the work when dist/ is newer than every source file, so `npm start` stays fast.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh, stamp } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);

const started = Date.now();
fs.rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
const { build } = await import('esbuild');
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
  // Dependencies are bundled too: one file loads far faster than hundreds of small modules (Kysely
  // alone took 105 ms to import). These stay outside: native code, WebAssembly and files they read.
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*', '@node-rs/argon2', '@fastify/swagger-ui', '@fastify/static', 'pg-native', 'esbuild', 'vite'],
  banner: { js: "import { createRequire as __hearthCreateRequire } from 'node:module'; const require = __hearthCreateRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
fs.writeFileSync(stamp, new Date().toISOString());
console.log(`hearth: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
