// Main-thread handle on the embedded database thread. Every caller holds `mutex` for the whole of its
// connection use, so a transaction's statements never interleave with anyone else's.
import { Worker } from 'node:worker_threads';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex } from './mutex';
import type { WorkerReply, WorkerRequest, WorkerStart } from './pglite-protocol';

export interface RawResult {
  rows: Record<string, unknown>[];
  affectedRows: number;
}

/** A PostgreSQL error as reported by the embedded database, with the same fields `pg` gives. */
export class DatabaseError extends Error {
  code: string | undefined;
  detail: string | undefined;
  constraint: string | undefined;
  constructor(message: string, fields: Record<string, string>) {
    super(message);
    this.name = 'DatabaseError';
    this.code = fields.code;
    this.detail = fields.detail;
    this.constraint = fields.constraint;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (r: RawResult) => void; reject: (e: Error) => void };

/**
 * Marks async work that currently holds the database, to catch a query that would wait on itself
 * (a deadlock). It runs from source, that is in tests and `npm run dev`, where such bugs are found:
 * AsyncLocalStorage puts a hook on every promise, which cost 15% of request throughput in the build.
 */
const checkDeadlocks = import.meta.url.endsWith('.ts') || process.env.HEARTH_DB_DEADLOCK_CHECK === '1';
const holding = checkDeadlocks ? new AsyncLocalStorage<symbol>() : undefined;

function startWorker(dataDir: string): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./pglite-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const workerData: WorkerStart = { dataDir };
  if (!fromSource) return new Worker(url, { workerData });
  // From source (tests, dev) the worker registers the TypeScript loader before loading its module.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export class PgliteClient {
  readonly mutex = new Mutex();
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #token = Symbol('pglite-connection');
  #nextId = 1;
  #closed = false;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: WorkerReply) => this.#settle(reply));
    worker.on('error', (error) => this.#failAll(error));
    worker.on('exit', () => this.#failAll(new Error('The embedded database thread stopped')));
  }

  static async open(dataDir: string): Promise<PgliteClient> {
    const worker = startWorker(dataDir);
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== -1) return;
        worker.off('message', onMessage);
        if (reply.ok) resolve();
        else reject(new DatabaseError(reply.message, reply.fields));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    try {
      await ready;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return new PgliteClient(worker);
  }

  /** Runs fn while holding the database. Queries made inside fn go straight through. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (holding?.getStore() === this.#token) {
      throw new Error('A query waited on the transaction it runs inside: use the transaction handle (trx) instead of db');
    }
    return this.mutex.run(() => (holding ? holding.run(this.#token, fn) : fn()));
  }

  /** Takes the database until release() is called (used by the query builder's connection). */
  async acquire(): Promise<void> {
    if (holding?.getStore() === this.#token) {
      throw new Error('A query waited on the transaction it runs inside: use the transaction handle (trx) instead of db');
    }
    await this.mutex.lock();
  }

  release(): void {
    this.mutex.unlock();
  }

  /** Marks the rest of the current async flow as holding the database (see `acquire`). */
  enterHeld<T>(fn: () => T): T {
    return holding ? holding.run(this.#token, fn) : fn();
  }

  query(sql: string, params: readonly unknown[] = []): Promise<RawResult> {
    return this.#send({ op: 'query', sql, params: [...params] });
  }

  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<RawResult> {
    return this.#send({ op: 'exec', sql });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.mutex.run(() => this.#send({ op: 'close' }));
    this.#closed = true;
    await this.#worker.terminate();
  }

  #send(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<RawResult> {
    if (this.#closed) return Promise.reject(new Error('The embedded database is closed'));
    const id = this.#nextId++;
    return new Promise<RawResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  #settle(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve({ rows: reply.rows, affectedRows: reply.affectedRows });
    else pending.reject(new DatabaseError(reply.message, reply.fields));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
