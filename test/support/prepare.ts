// Prepares (or removes) this run's template databases. Called by scripts/test.mjs:
//   node --import tsx test/support/prepare.ts prepare|cleanup pglite|postgres
// The template is migrated and holds the job queue's tables, so each test server starts in a blink.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/platform/logger';
import { startRuntime } from '../../src/server/runtime';
import { createDatabase, databaseUrlFor, dropDatabase, pgTemplateName, runId, scratchDir, withAdminClient } from './databases';

const [action, kind] = process.argv.slice(2);
const templateDir = process.env.HEARTH_TEST_TEMPLATE_DIR;

async function migrateInto(env: Record<string, string>): Promise<void> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const runtime = await startRuntime(config, createLogger('silent'), { runJobs: false });
  await runtime.close();
}

async function main(): Promise<void> {
  if (kind === 'pglite') {
    if (!templateDir) throw new Error('HEARTH_TEST_TEMPLATE_DIR is not set');
    fs.rmSync(templateDir, { recursive: true, force: true });
    if (action === 'prepare') await migrateInto({ HEARTH_DATA_DIR: templateDir });
    // A test file that died before dropping its database leaves a directory behind (in memory, on /dev/shm).
    else for (const name of fs.readdirSync(scratchDir)) if (name.startsWith(`hearth-test-${runId}-`)) fs.rmSync(path.join(scratchDir, name), { recursive: true, force: true });
    return;
  }
  if (kind !== 'postgres') throw new Error(`unknown database kind ${kind}`);
  if (action === 'prepare') {
    await dropDatabase(pgTemplateName);
    await createDatabase(pgTemplateName);
    await migrateInto({ DATABASE_URL: databaseUrlFor(pgTemplateName) });
    return;
  }
  const names = await withAdminClient(async (client) => {
    const result = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`hearth\\_%\\_${runId.toLowerCase()}%`]);
    return result.rows.map((r) => r.datname);
  });
  for (const name of names) await dropDatabase(name);
}

main().catch((error: unknown) => {
  console.error(`test setup (${action} ${kind}) failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
