// A fresh database for each test server: a copy of a migrated embedded data dir, or a new PostgreSQL
// database cloned from a migrated template. scripts/test.mjs prepares the templates once per run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDefaultUser } from '../../src/server/platform/db/database';

export type TestDbKind = 'pglite' | 'postgres';

export const testDbKind: TestDbKind = process.env.HEARTH_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
/** Names every database and directory this run creates, so runs never collide and cleanup finds them. */
export const runId = process.env.HEARTH_TEST_RUN ?? `r${process.pid}`;

export interface TestDatabase {
  /** Environment for loadConfig: HEARTH_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function databaseUrlFor(name: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs fn on a connection to the maintenance database named in TEST_DATABASE_URL. */
export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDefaultUser(testDatabaseUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string): string => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdminClient((client) => client.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

/**
 * Where embedded data dirs go: scripts/test.mjs picks a memory-backed directory (/dev/shm) when there is one,
 * since each test file copies a 44 MB template and the database writes through it; elsewhere the system's.
 */
export const scratchDir = process.env.HEARTH_TEST_TMPDIR ?? os.tmpdir();

export const pgTemplateName = `hearth_tpl_${runId}`.toLowerCase();
export const pgliteTemplateDir = process.env.HEARTH_TEST_TEMPLATE_DIR;

/** A database nobody else uses, for one test server. */
export async function freshDatabase(): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(4).toString('hex');
  if (testDbKind === 'postgres') {
    const name = `hearth_t_${runId}_${suffix}`.toLowerCase();
    const hasTemplate = process.env.HEARTH_TEST_PG_TEMPLATE === pgTemplateName;
    await createDatabase(name, hasTemplate ? pgTemplateName : undefined);
    return { env: { DATABASE_URL: databaseUrlFor(name) }, drop: () => dropDatabase(name) };
  }
  const dataDir = fs.mkdtempSync(path.join(scratchDir, `hearth-test-${runId}-`));
  if (pgliteTemplateDir && fs.existsSync(pgliteTemplateDir)) fs.cpSync(pgliteTemplateDir, dataDir, { recursive: true });
  return {
    env: { HEARTH_DATA_DIR: dataDir },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
