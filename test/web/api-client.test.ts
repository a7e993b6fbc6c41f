// The web app's typed client is generated from the OpenAPI document; it must match the API as built.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDbKind } from '../support/databases';
import { root, runToEnd } from '../support/processes';

test('src/web/api/schema.d.ts matches the OpenAPI document (npm run gen:api)', { skip: testDbKind !== 'pglite' && 'checked once, on the embedded run' }, async () => {
  const result = await runToEnd(`${root}/scripts/gen-api.ts`, ['--check'], {}, undefined, 60_000);
  assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
});
