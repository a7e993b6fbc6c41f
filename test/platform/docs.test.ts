// The docs stay true: every environment variable is in README's table, and both commands are there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { configVars } from '../../src/server/config';
import { root } from '../support/processes';

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

test('README lists every environment variable the config reads, with its default', () => {
  for (const spec of Object.values(configVars)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${spec.name}\` |`));
    assert.ok(row, `${spec.name} is missing from README.md`);
    if ('default' in spec && spec.default !== undefined) assert.ok(row.includes(`\`${spec.default}\``), `README shows the default of ${spec.name}`);
  }
});

test('README gives the two commands, and CI runs the same test command', () => {
  assert.match(readme, /npm install\nnpm start/);
  assert.match(readme, /```sh\nnpm test\n```/);
  const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
  assert.match(ci, /^npm test$/m);
  assert.match(ci, /^npm ci/m);
  assert.match(ci, /^npm run check$/m);
});
