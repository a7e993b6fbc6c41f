// Forward-only SQL migrations from migrations/*.sql, recorded in hearth_migrations.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { StartupError } from './data-dir';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** One database session that can run statements without parameters and parameterized queries. */
export interface MigrationSession {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

export interface MigrationReport {
  applied: string[];
  edited: string[];
}

export function loadMigrations(dir = path.join(projectRoot(), 'migrations')): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const LOCK_KEY = 7_245_001;

/** Applies pending migrations. The caller runs it in one session; PostgreSQL callers are serialized by an advisory lock. */
export async function migrate(session: MigrationSession, migrations: Migration[], useAdvisoryLock: boolean): Promise<MigrationReport> {
  if (useAdvisoryLock) await session.query('select pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await session.exec(
      'create table if not exists hearth_migrations (name text primary key, checksum text not null, applied_at timestamptz not null default now())',
    );
    const rows = await session.query('select name, checksum from hearth_migrations order by name');
    const applied = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new StartupError(`The database was written by a newer Hearth (migration ${unknown[unknown.length - 1]} is unknown to this build); upgrade Hearth`);
    }
    const report: MigrationReport = { applied: [], edited: [] };
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) report.edited.push(migration.name);
        continue;
      }
      await session.exec('begin');
      try {
        await session.exec(migration.sql);
        await session.query('insert into hearth_migrations (name, checksum) values ($1, $2)', [migration.name, migration.checksum]);
        await session.exec('commit');
      } catch (error) {
        await session.exec('rollback');
        throw new StartupError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    if (useAdvisoryLock) await session.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
