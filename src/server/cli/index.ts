// `npx hearth …`: admin commands. They call the same services as the HTTP API, in this process, or
// through the running server's control socket when it holds the embedded database.
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config';
import { StartupError, dataDirLayout, lockHolder } from '../platform/db/data-dir';
import { sendControl } from '../platform/control/socket';
import { createLogger } from '../platform/logger';
import { appVersion } from '../platform/paths';
import { startRuntime } from '../runtime';
import { registerClassifyCommand } from './classify';
import { runCommand, type CommandRequest } from './commands';
import { readPassword } from './password';

class CliError extends Error {}

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/** Runs a command here, or in the server that holds the embedded data dir. */
async function execute(request: CommandRequest): Promise<string[]> {
  const config = configOrExit();
  if (!config.databaseUrl) {
    const layout = dataDirLayout(config.dataDir);
    if (lockHolder(layout) && fs.existsSync(layout.controlSocket)) {
      const reply = await sendControl(layout.controlSocket, request);
      if (!reply.ok) throw new CliError(reply.error);
      return reply.output;
    }
  }
  const runtime = await startRuntime(config, createLogger('warn', process.stderr), { runJobs: false });
  try {
    return await runCommand(runtime, request);
  } finally {
    await runtime.close();
  }
}

async function print(request: CommandRequest): Promise<void> {
  const lines = await execute(request);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function buildCli(): Command {
  const program = new Command('hearth')
    .description('Hearth community platform: server and admin commands')
    .version(appVersion())
    .showHelpAfterError()
    .addHelpText('after', '\nConfiguration comes from environment variables (see README.md): DATABASE_URL, HEARTH_DATA_DIR, PORT, …');

  program
    .command('start')
    .description('start the server (the same as npm start)')
    .action(async () => {
      await import('../main');
    });

  program
    .command('db:migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const config = configOrExit();
      const runtime = await startRuntime(config, createLogger('warn', process.stderr), { runJobs: false });
      const applied = runtime.migrations.applied;
      await runtime.close();
      process.stdout.write(applied.length > 0 ? `Applied ${applied.join(', ')}\n` : 'The database is up to date\n');
    });

  program
    .command('setup-link')
    .description('print a fresh one-time link that creates the first admin')
    .action(() => print({ command: 'setup.link', args: {} }));

  const admin = program.command('admin').description('manage admin accounts');
  admin
    .command('create')
    .description('create an admin account; the password comes from standard input or a prompt')
    .requiredOption('--username <username>', 'the admin\'s username')
    .requiredOption('--email <email>', 'the admin\'s email')
    .action(async (options: { username: string; email: string }) => {
      const password = await readPassword();
      await print({ command: 'admin.create', args: { ...options, password } });
    });

  const apikey = program.command('apikey').description('manage API keys for bots and integrations');
  apikey
    .command('create')
    .description('create an API key; the key is printed alone on the last line')
    .requiredOption('--user <username>', 'the member the key acts as')
    .addOption(new Option('--scope <scope>', 'what the key may do').choices(['read', 'write', 'admin']).makeOptionMandatory())
    .option('--name <name>', 'a label for the key')
    .action((options: { user: string; scope: string; name?: string }) => print({ command: 'apikey.create', args: options }));
  apikey
    .command('list')
    .description('list a member\'s API keys')
    .requiredOption('--user <username>', 'the member')
    .action((options: { user: string }) => print({ command: 'apikey.list', args: options }));
  apikey
    .command('revoke')
    .description('revoke an API key by id')
    .argument('<id>', 'the key id (see apikey list)')
    .action((id: string) => print({ command: 'apikey.revoke', args: { id } }));

  const digests = program.command('digests').description('email digests for members who are away');
  digests
    .command('send')
    .description('send the digests that are due now (the hourly job does this too)')
    .option('--dry-run', 'only list who would get a digest, and what')
    .action((options: { dryRun?: boolean }) => print({ command: 'digests.send', args: { dryRun: options.dryRun === true } }));

  registerClassifyCommand(program);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError || error instanceof StartupError || error instanceof Error) {
      process.stderr.write(`hearth: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

