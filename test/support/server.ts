// A real Hearth on loopback for one test file: its own database, the whole runtime, real HTTP.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/platform/logger';
import { writeSetting } from '../../src/server/features/settings/settings.store';
import { startRuntime, type Runtime } from '../../src/server/runtime';
import { Client } from './client';
import { freshDatabase, type TestDatabase } from './databases';

export interface TestServer {
  url: string;
  runtime: Runtime;
  app: FastifyInstance;
  database: TestDatabase;
  /** Every JSON log line so far (emails written to the log, request lines). */
  logs: Record<string, unknown>[];
  client(): Client;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Extra environment, e.g. REDIS_URL or SMTP_URL. */
  env?: Record<string, string>;
  /** Reuse another server's database (several processes on one PostgreSQL). */
  database?: TestDatabase;
  /**
   * 'relaxed' (the default) switches off the built-in spam hold and the trust-level-0 posting limits,
   * for suites about other features whose members post fast; moderation suites pass 'default'.
   */
  moderation?: 'relaxed' | 'default';
}

/** Settings for suites that are not about moderation (their new members post fast and freely). */
export const relaxedModeration = {
  spamHoldEnabled: false,
  // programs/onboarding: no welcome message in new members' inboxes (their unread counts stay the suite's own).
  welcomeMessageEnabled: false,
  trustLevelLimits: {
    tl0: { linksPerPost: null, imagesPerPost: null, topicsPerDay: null, repliesPerDay: null, secondsBetweenPosts: null },
    tl1: { linksPerPost: null, imagesPerPost: null, topicsPerDay: null, repliesPerDay: null, secondsBetweenPosts: null },
    tl2: { linksPerPost: null, imagesPerPost: null, topicsPerDay: null, repliesPerDay: null, secondsBetweenPosts: null },
  },
};

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await freshDatabase());
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGNUP_LIMIT_PER_HOUR: '100000',
    POSTS_PER_MINUTE: '100000',
    ...database.env,
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const runtime = await startRuntime(config, logger, { runJobs: config.runJobs });
  if ((options.moderation ?? 'relaxed') === 'relaxed' && !options.database) {
    for (const [key, value] of Object.entries(relaxedModeration)) await writeSetting(runtime.ctx.database.db, key, value, null);
    await runtime.ctx.bus.emit('settings.updated', { keys: Object.keys(relaxedModeration) });
  }
  const app = await buildApp(runtime);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let closed = false;
  return {
    url,
    runtime,
    app,
    database,
    logs,
    client: () => new Client(url),
    close: async () => {
      if (closed) return;
      closed = true;
      runtime.services.realtime.close();
      await app.close();
      await runtime.close();
      if (!options.database) await database.drop();
    },
  };
}
