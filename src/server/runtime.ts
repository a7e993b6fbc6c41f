// Everything a Hearth process needs besides HTTP: database, migrations, Redis, events, jobs, mail.
// Shared by the server, the CLI and the tests.
import type { Config } from './config';
import type { AppContext } from './context';
import { openDatabase, type Database } from './platform/db/database';
import type { MigrationReport } from './platform/db/migrator';
import { EventBus } from './platform/events';
import { postgresTransport, redisTransport } from './platform/event-transports';
import { MemoryCounters, RedisCounters } from './platform/http/counters';
import { Jobs } from './platform/jobs/jobs';
import type { Logger } from './platform/logger';
import { createMailer } from './platform/mail/mailer';
import { connectRedis, type RedisConnections } from './platform/redis';
import { createServices, type Services } from './services';

export interface Runtime {
  ctx: AppContext;
  services: Services;
  redis: RedisConnections | undefined;
  migrations: MigrationReport;
  /** Starts job workers and schedules (when the options allow); called by startRuntime unless deferJobs. */
  startJobs(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run job workers and schedules here (the CLI only queues jobs). */
  runJobs: boolean;
  /** The server starts jobs after it listens, so the HTTP port opens sooner. */
  deferJobs?: boolean;
  /** A database already being opened (the server starts it before loading the rest of the code). */
  database?: Promise<Database>;
}

export async function startRuntime(config: Config, logger: Logger, options: RuntimeOptions): Promise<Runtime> {
  const database = await (options.database ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }));
  let redis: RedisConnections | undefined;
  try {
    const migrations = await database.migrate();
    redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
    const bus = new EventBus(logger);
    if (redis) await bus.connect(redisTransport(redis.command, redis.subscriber, `${config.redisPrefix}events`));
    else if (database.notifications) await bus.connect(postgresTransport(database.notifications, 'hearth_events'));
    const mailer = createMailer(config.smtpUrl, config.mailFrom, logger);
    const jobs = new Jobs(database, bus, logger);
    const ctx: AppContext = { config, logger, database, bus, jobs, mailer, counters: redis ? new RedisCounters(redis.command, `${config.redisPrefix}counter:`) : new MemoryCounters() };
    const services = createServices(ctx);
    const startJobs = (): Promise<void> => jobs.start(options.runJobs);
    if (!options.deferJobs) await startJobs();
    const connections = redis;
    return {
      ctx,
      services,
      redis,
      migrations,
      startJobs,
      close: async () => {
        // Every step runs even when an earlier one fails (say, the database went away first).
        const steps: [string, () => unknown][] = [
          ['realtime', () => services.realtime.close()],
          ['jobs', () => jobs.stop()],
          ['mail', () => mailer.close()],
          ['redis', () => connections?.close()],
          ['database', () => database.close()],
        ];
        for (const [name, step] of steps) {
          try {
            await step();
          } catch (error) {
            logger.warn({ err: error, step: name }, 'error while shutting down');
          }
        }
      },
    };
  } catch (error) {
    await redis?.close();
    await database.close();
    throw error;
  }
}
