// npm start: rebuild first only if a source file changed since the last build, then run the built
// server in this same process (no second Node start-up, which keeps a warm start fast).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isFresh } from './build-state.mjs';

if (!isFresh()) {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../dist/server/main.js');
