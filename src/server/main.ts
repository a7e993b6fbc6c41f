// Process entry: config → port check → database + migrations → HTTP, jobs and the control socket.
// The embedded database boots on its own thread while this thread loads the rest of the code, and jobs
// start after the port opens: together that keeps a warm start well under 1.5 s.
import type { Server } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { StartupError } from './platform/db/data-dir';
import { bootEmbedded } from './platform/db/embedded-boot';
import type { Logger } from './platform/logger';
import { assertPortFree } from './platform/net';
import type { Runtime } from './runtime';

function fail(message: string): never {
  process.stderr.write(`hearth: ${message}\n`);
  process.exit(1);
}

async function announce(runtime: Runtime, config: Config, address: string): Promise<void> {
  const lines = [`Hearth is running at ${address} (${runtime.ctx.database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`];
  const link = await runtime.services.setup.issueLink();
  if (link) {
    lines.push('No admin exists yet. Open this one-time link to create the first admin account:', `  ${link}`);
    lines.push('(or run: npx hearth admin create --username <name> --email <email>)');
  } else {
    lines.push(`Open ${config.publicUrl} in a browser. API docs: ${config.publicUrl}/api/docs`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

/** Milliseconds since the process started, for the start-up log line. */
const elapsed = (): number => Math.round(performance.now());
const phases: Record<string, number> = {};

/** The HTTP side of the server, loaded while the database starts. */
const loadServerModules = () => Promise.all([import('./app'), import('./cli/commands'), import('./platform/control/socket')]);

export async function start(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  let logger: Logger;
  let runtime: Runtime;
  let modules: ReturnType<typeof loadServerModules>;
  try {
    await assertPortFree(config.host, config.port);
    // Start the embedded database thread before loading anything heavy.
    const embedded = config.databaseUrl ? undefined : bootEmbedded(config.dataDir);
    modules = loadServerModules();
    modules.catch(() => undefined);
    const [{ openDatabase }, { createLogger }] = await Promise.all([import('./platform/db/database'), import('./platform/logger')]);
    logger = createLogger(config.logLevel);
    const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }, embedded);
    database.catch(() => undefined);
    const { startRuntime } = await import('./runtime');
    await modules;
    phases.code = elapsed();
    await database;
    phases.database = elapsed();
    runtime = await startRuntime(config, logger, { runJobs: config.runJobs, deferJobs: true, database });
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    throw error;
  }
  const [{ buildApp }, { runCommand }, { listenControl }] = await modules;
  phases.migrations = elapsed();
  const app = await buildApp(runtime);
  let address: string;
  try {
    await app.listen({ host: config.host, port: config.port });
    const bound = app.server.address();
    address = typeof bound === 'object' && bound ? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${bound.port}` : config.publicUrl;
  } catch (error) {
    await runtime.close();
    fail(`Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  let control: Server | undefined;
  const layout = runtime.ctx.database.layout;
  if (layout) control = await listenControl(layout.controlSocket, (request) => runCommand(runtime, request), logger);
  phases.listening = elapsed();
  await runtime.startJobs();
  phases.jobs = elapsed();
  logger.info({ startupMs: phases }, 'started');
  await announce(runtime, config, address);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    control?.close();
    runtime.services.realtime.close();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

start().catch((error: unknown) => {
  process.stderr.write(`hearth: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
