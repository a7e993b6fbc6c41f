#!/usr/bin/env node
// The `hearth` command. Runs the built CLI from dist/ (built at install time by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('hearth: the build is missing; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(cli);
await main(process.argv);
