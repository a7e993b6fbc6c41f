// Database-backed jobs (pg-boss) on the embedded database and on PostgreSQL: retries with backoff,
// cron schedules, and progress that managers can watch.
import PgBoss from 'pg-boss';
import type { Database } from '../db/database';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import { readJobProgress, recordJobProgress, recordJobQueued } from './jobs.store';

export interface JobContext {
  jobId: string;
  retryCount: number;
  /** Records how far the job is (0–100) and tells watchers. */
  progress(percent: number, message?: string): Promise<void>;
}

export interface JobDefinition<T extends object> {
  /** `feature.job`, e.g. `mail.send`. */
  queue: string;
  handler: (data: T, context: JobContext) => Promise<unknown>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** A cron expression (UTC) to run the job on. */
  schedule?: string;
}

export interface JobStatus {
  id: string;
  queue: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  percent: number;
  message: string;
  retryCount: number;
  createdAt: Date;
  completedAt: Date | null;
}

export class Jobs {
  readonly #definitions = new Map<string, JobDefinition<object>>();
  #boss: PgBoss | undefined;
  /** Settles when start() has run: work queued during start-up waits for it instead of failing. */
  readonly #ready: Promise<PgBoss>;
  #markReady: (boss: PgBoss) => void = () => undefined;

  constructor(
    private readonly database: Database,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {
    this.#ready = new Promise((resolve) => {
      this.#markReady = resolve;
    });
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.#boss) throw new Error(`Job ${definition.queue} was defined after the queue started; define jobs in createServices`);
    this.#definitions.set(definition.queue, definition as unknown as JobDefinition<object>);
  }

  async start(runWorkers: boolean): Promise<void> {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => this.database.raw(text, values) },
      schedule: runWorkers,
      supervise: runWorkers,
      migrate: true,
    });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    this.#boss = boss;
    this.#markReady(boss);
    for (const definition of this.#definitions.values()) {
      await boss.createQueue(definition.queue, {
        name: definition.queue,
        retryLimit: definition.retryLimit ?? 3,
        retryDelay: definition.retryDelaySeconds ?? 5,
        retryBackoff: true,
        expireInSeconds: definition.expireInSeconds ?? 15 * 60,
      });
      if (!runWorkers) continue;
      await boss.work<object>(definition.queue, { pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return undefined;
        return this.#run(definition, job);
      });
      if (definition.schedule) await boss.schedule(definition.queue, definition.schedule, {}, { tz: 'UTC' });
    }
  }

  async #run(definition: JobDefinition<object>, job: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const context: JobContext = {
      jobId: job.id,
      retryCount: job.retryCount,
      progress: (percent, message = '') => this.progress(job.id, definition.queue, percent, message),
    };
    try {
      const output = await definition.handler(job.data, context);
      await this.progress(job.id, definition.queue, 100, 'done');
      return output;
    } catch (error) {
      this.logger.warn({ err: error, queue: definition.queue, jobId: job.id, retryCount: job.retryCount }, 'job failed');
      throw error;
    }
  }

  async send<T extends object>(queue: string, data: T, options: { startAfterSeconds?: number; singletonKey?: string } = {}): Promise<string> {
    const boss = await this.#requireBoss();
    if (!this.#definitions.has(queue)) throw new Error(`Unknown job queue ${queue}`);
    const id = await boss.send(queue, data, {
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    if (!id) throw new Error(`Job for ${queue} was not queued`);
    await recordJobQueued(this.database.db, { jobId: id, queue });
    return id;
  }

  async progress(jobId: string, queue: string, percent: number, message: string): Promise<void> {
    const bounded = Math.max(0, Math.min(100, percent));
    await recordJobProgress(this.database.db, { jobId, queue, percent: bounded, message });
    await this.bus.emit('job.progress', { jobId, queue, percent: bounded, message });
  }

  async status(jobId: string): Promise<JobStatus | undefined> {
    const progress = await readJobProgress(this.database.db, jobId);
    if (!progress) return undefined;
    const job = await (await this.#requireBoss()).getJobById<object>(progress.queue, jobId, { includeArchive: true });
    if (!job) return undefined;
    return {
      id: job.id,
      queue: progress.queue,
      state: job.state,
      percent: progress.percent,
      message: progress.message,
      retryCount: job.retryCount,
      createdAt: job.createdOn,
      completedAt: job.completedOn ?? null,
    };
  }

  async stop(): Promise<void> {
    if (!this.#boss) return;
    const boss = this.#boss;
    this.#boss = undefined;
    await boss.stop({ graceful: true, wait: true, timeout: 5000, close: false });
  }

  #requireBoss(): Promise<PgBoss> {
    return this.#boss ? Promise.resolve(this.#boss) : this.#ready;
  }
}
