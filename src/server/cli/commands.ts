// What `npx hearth …` does, as functions of a running Hearth. The CLI calls them directly, or through
// the control socket of the server that holds the embedded database.
import type { Runtime } from '../runtime';
import { AppError } from '../platform/errors';
import type { ApiKeyScope } from '../platform/db/schema';

export interface CommandRequest {
  command: string;
  args: Record<string, unknown>;
}

function text(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
}

const scopes: ApiKeyScope[] = ['read', 'write', 'admin'];

/** Turns an AppError into the plain sentence a shell user needs. */
function explain(error: unknown): never {
  if (error instanceof AppError) throw new Error(error.field ? `${error.field}: ${error.message}` : error.message);
  throw error;
}

export async function runCommand(runtime: Runtime, request: CommandRequest): Promise<string[]> {
  const { services } = runtime;
  const { args } = request;
  try {
    switch (request.command) {
      case 'admin.create': {
        const created = await services.accounts.signup.createAccount(
          { username: text(args, 'username'), email: text(args, 'email'), password: text(args, 'password'), acceptGuidelines: true },
          { role: 'admin', byStaff: true, actorId: null, ip: null },
        );
        await services.accounts.tokens.retireAll('setup');
        return [`Created admin ${created.me.username} (id ${created.me.id}). Log in at ${runtime.ctx.config.publicUrl}/login`];
      }
      case 'apikey.create': {
        const scope = text(args, 'scope') as ApiKeyScope;
        if (!scopes.includes(scope)) throw new Error(`--scope must be one of ${scopes.join(', ')}`);
        const username = text(args, 'user');
        const owner = await services.accounts.findByUsername(username);
        if (!owner) throw new Error(`No member named ${username}`);
        const name = typeof args.name === 'string' && args.name !== '' ? args.name : `cli ${new Date().toISOString().slice(0, 10)}`;
        const created = await services.apiKeys.issue(owner, { name, scope }, null, null);
        return [`Created ${scope} API key ${created.id} "${created.name}" for ${owner.username}. It is shown only once:`, created.key];
      }
      case 'apikey.list': {
        const username = text(args, 'user');
        const owner = await services.accounts.findByUsername(username);
        if (!owner) throw new Error(`No member named ${username}`);
        const keys = await services.apiKeys.listForMember(owner.id, true);
        if (keys.length === 0) return [`${owner.username} has no API keys`];
        return keys.map((k) => `${k.id}\t${k.prefix}…\t${k.scope}\t${k.name}\tcreated ${k.createdAt}\tlast used ${k.lastUsedAt ?? 'never'}${k.revokedAt ? `\trevoked ${k.revokedAt}` : ''}`);
      }
      case 'apikey.revoke': {
        const id = Number(args.id);
        if (!Number.isInteger(id) || id < 1) throw new Error('the key id must be a positive whole number');
        await services.apiKeys.revoke('system', id, null);
        return [`Revoked API key ${id}`];
      }
      case 'digests.send': {
        const dryRun = args.dryRun === true;
        const report = await services.digests.digests.sendDue(new Date(), { dryRun });
        if (!dryRun) return [`Looked at ${report.looked} members due for a digest: ${report.sent} sent, ${report.empty} with nothing new, ${report.failed} failed`];
        const lines = report.planned.map((p) => `${p.username}\t${p.frequency}\t${p.notifications} notifications\t${p.topics} new topics`);
        return [`Dry run: ${report.planned.length} of ${report.looked} members due would get a digest (${report.empty} with nothing new)`, ...lines];
      }
      case 'setup.link': {
        const link = await services.setup.issueLink();
        return [link ? `Open this link to create the first admin (valid 24 hours): ${link}` : 'An admin exists already; log in instead.'];
      }
      default:
        throw new Error(`Unknown command ${request.command}`);
    }
  } catch (error) {
    return explain(error);
  }
}
