// Opens the database: the embedded one (PGlite on a worker thread) or PostgreSQL, behind one interface.
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import os from 'node:os';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect';
import { StartupError, writeState, type DataDirLayout } from './data-dir';
import { bootEmbedded, type EmbeddedBoot } from './embedded-boot';
import { Listener } from './listener';
import { loadMigrations, migrate, type MigrationReport, type MigrationSession } from './migrator';
import type { DB } from './schema';
import { appVersion } from '../paths';

export type Tx = Transaction<DB>;
export type Queryable = Kysely<DB> | Tx;

export interface RawResult {
  rows: Record<string, unknown>[];
}

export interface Database {
  readonly kind: 'embedded' | 'postgres';
  readonly db: Kysely<DB>;
  /** Where the embedded database lives (undefined on PostgreSQL). */
  readonly layout: DataDirLayout | undefined;
  /** Runs fn in one transaction. Emit events after it resolves, never inside. */
  tx<T>(fn: (trx: Tx) => Promise<T>): Promise<T>;
  /** One statement outside any transaction (job queue adapter). Without params it may hold several statements. */
  raw(sql: string, params?: unknown[]): Promise<RawResult>;
  migrate(): Promise<MigrationReport>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PostgreSQL only: LISTEN/NOTIFY between processes. */
  readonly notifications: Notifications | undefined;
}

export interface Notifications {
  notify(channel: string, payload: string): Promise<void>;
  /** Listens on a dedicated connection, re-established when it drops. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<void>;
}

pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
}

export async function openDatabase(options: OpenOptions, embedded?: EmbeddedBoot): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize) : openEmbedded(embedded ?? bootEmbedded(options.dataDir));
}

async function openEmbedded(boot: EmbeddedBoot): Promise<Database> {
  const { layout, lock, migrations } = boot;
  const client = await boot.client;
  const db = new Kysely<DB>({ dialect: new PgliteDialect(client) });
  const session: MigrationSession = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async (sql, params) => (await client.query(sql, params ?? [])).rows,
  };
  return {
    kind: 'embedded',
    db,
    layout,
    notifications: undefined,
    tx: (fn) => db.transaction().execute((trx) => client.enterHeld(() => fn(trx))),
    raw: (sql, params) => client.exclusive(() => (params && params.length > 0 ? client.query(sql, params) : client.exec(sql))),
    migrate: async () => {
      const report = await client.exclusive(() => migrate(session, migrations, false));
      const last = migrations[migrations.length - 1];
      if (last) writeState(layout, { lastMigration: last.name, appVersion: appVersion() });
      return report;
    },
    ping: async () => {
      try {
        await client.exclusive(() => client.query('select 1'));
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      try {
        await db.destroy();
        // Kysely only closes a driver it has used; migrations and pings talk to the client directly.
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

/** Fills in the user the way libpq does (PGUSER, then the OS user) when the URL names none. */
export function withDefaultUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username) return url;
  parsed.username = process.env.PGUSER || os.userInfo().username;
  return parsed.toString();
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // Without a user in the URL or PGUSER, libpq tools use the OS user; pg needs it spelled out.
  const pool = new pg.Pool({ connectionString: withDefaultUser(url), max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    // an idle client lost its connection; the pool replaces it on next use
  });
  try {
    const { rows } = await pool.query<{ v: number }>("select current_setting('server_version_num')::int as v");
    const version = Number(rows[0]?.v ?? 0);
    if (version < 150000) throw new StartupError(`PostgreSQL at ${describeUrl(url)} is version ${version}; Hearth needs 15 or newer`);
  } catch (error) {
    await pool.end();
    if (error instanceof StartupError) throw error;
    throw new StartupError(`Cannot connect to PostgreSQL at ${describeUrl(url)}: ${(error as Error).message || String(error)}`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listener = new Listener(withDefaultUser(url));
  const notifications: Notifications = {
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, onMessage) => listener.listen(channel, onMessage),
  };
  return {
    kind: 'postgres',
    db,
    layout: undefined,
    notifications,
    tx: (fn) => db.transaction().execute(fn),
    raw: async (sql, params) => {
      const result = await pool.query(sql, params && params.length > 0 ? params : undefined);
      const last = Array.isArray(result) ? (result[result.length - 1] as pg.QueryResult) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    migrate: async () => {
      const client = await pool.connect();
      try {
        const session: MigrationSession = {
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[],
        };
        return await migrate(session, loadMigrations(), true);
      } finally {
        client.release();
      }
    },
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await listener.close();
      await db.destroy();
      // Kysely only ends a pool it has used.
      if (!pool.ended) await pool.end();
    },
  };
}
