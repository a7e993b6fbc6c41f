// Runs the embedded database (PGlite) on its own thread, so a long query never blocks HTTP handling.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest, WorkerStart } from './pglite-protocol';

const port = parentPort;
if (!port) throw new Error('pglite-worker must run in a worker thread');

const start = workerData as WorkerStart;

function serializeError(error: unknown): WorkerReply & { ok: false } {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const key of ['code', 'detail', 'constraint', 'table', 'column', 'schema', 'severity', 'hint', 'position']) {
    const value = e[key];
    if (typeof value === 'string') fields[key] = value;
  }
  return { id: 0, ok: false, message: typeof e.message === 'string' ? e.message : 'database error', fields };
}

async function main(): Promise<void> {
  let db: PGlite;
  try {
    db = await PGlite.create({
      dataDir: start.dataDir,
      // Without a cap the WAL grew to 400 MB on 200k rows.
      postgresqlconf: ['max_wal_size=64MB', 'min_wal_size=32MB'],
    });
  } catch (error) {
    port?.postMessage({ ...serializeError(error), id: -1 });
    return;
  }
  port?.postMessage({ id: -1, ok: true, rows: [], affectedRows: 0 } satisfies WorkerReply);

  port?.on('message', (request: WorkerRequest) => {
    void handle(db, request);
  });
}

async function handle(db: PGlite, request: WorkerRequest): Promise<void> {
  try {
    if (request.op === 'close') {
      await db.close();
      port?.postMessage({ id: request.id, ok: true, rows: [], affectedRows: 0 } satisfies WorkerReply);
      return;
    }
    if (request.op === 'exec') {
      const results = await db.exec(request.sql);
      const last = results[results.length - 1];
      port?.postMessage({ id: request.id, ok: true, rows: last?.rows ?? [], affectedRows: last?.affectedRows ?? 0 } satisfies WorkerReply);
      return;
    }
    const result = await db.query(request.sql, request.params);
    port?.postMessage({ id: request.id, ok: true, rows: result.rows as Record<string, unknown>[], affectedRows: result.affectedRows ?? 0 } satisfies WorkerReply);
  } catch (error) {
    port?.postMessage({ ...serializeError(error), id: request.id });
  }
}

void main();
