// The first step of opening the embedded database, kept free of heavy imports: check the data dir,
// lock it, and start the database thread. The server calls it before loading the rest of its code,
// so PGlite boots (about 600 ms) while the main thread loads Kysely, Fastify and the features.
import { PgliteClient } from './pglite-client';
import { StartupError, checkDataDir, dataDirLayout, lockDataDir, type DataDirLayout, type DataDirLock } from './data-dir';
import { loadMigrations, type Migration } from './migrator';

export interface EmbeddedBoot {
  layout: DataDirLayout;
  lock: DataDirLock;
  migrations: Migration[];
  client: Promise<PgliteClient>;
}

/** Throws StartupError at once when the data dir cannot be used; the client settles when PGlite is up. */
export function bootEmbedded(dataDir: string): EmbeddedBoot {
  const layout = dataDirLayout(dataDir);
  const migrations = loadMigrations();
  checkDataDir(layout, migrations.map((m) => m.name));
  const lock = lockDataDir(layout);
  const client = PgliteClient.open(layout.pgdata).catch((error: unknown) => {
    lock.release();
    throw new StartupError(`Cannot open the embedded database in ${layout.pgdata}: ${(error as Error).message}`);
  });
  client.catch(() => undefined);
  return { layout, lock, migrations, client };
}
