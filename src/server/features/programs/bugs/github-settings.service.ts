// The GitHub integration's settings: the environment wins, the admin settings fill in what it leaves
// unset. Secrets never leave the server.
import type { AppContext } from '../../../context';
import { requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { GitHubSettingsBody, GitHubSettingsView } from './github-settings.schema';
import { readGitHubSettings, writeGitHubSettings } from './github.store';

export const WEBHOOK_PATH = '/api/integrations/github/webhook';

export interface GitHubConfig {
  webhookSecret: string | null;
  token: string | null;
  defaultRepo: string | null;
}

export function createGitHubSettings(ctx: AppContext) {
  const db = ctx.database.db;
  const { githubWebhookSecret, githubToken } = ctx.config;

  async function effective(): Promise<GitHubConfig> {
    const stored = await readGitHubSettings(db);
    return {
      webhookSecret: githubWebhookSecret ?? stored?.webhook_secret ?? null,
      token: githubToken ?? stored?.token ?? null,
      defaultRepo: stored?.default_repo ?? null,
    };
  }

  async function view(): Promise<GitHubSettingsView> {
    const stored = await readGitHubSettings(db);
    const source = (env: string | undefined, saved: string | null | undefined) => (env ? ('environment' as const) : saved ? ('settings' as const) : null);
    const secretSource = source(githubWebhookSecret, stored?.webhook_secret);
    const tokenSource = source(githubToken, stored?.token);
    return {
      defaultRepo: stored?.default_repo ?? null,
      webhookSecretSet: secretSource !== null,
      webhookSecretSource: secretSource,
      tokenSet: tokenSource !== null,
      tokenSource,
      apiUrl: ctx.config.githubApiUrl,
      webhookPath: WEBHOOK_PATH,
    };
  }

  return {
    effective,

    async read(actor: Actor): Promise<GitHubSettingsView> {
      requireRole(actor, 'admin', 'Only admins can read the GitHub settings');
      return view();
    },

    async update(actor: Actor, body: GitHubSettingsBody, ip: string | null): Promise<GitHubSettingsView> {
      const admin = requireRole(actor, 'admin', 'Only admins can change the GitHub settings');
      const changes = {
        ...(body.defaultRepo !== undefined ? { default_repo: body.defaultRepo } : {}),
        ...(body.webhookSecret !== undefined ? { webhook_secret: body.webhookSecret } : {}),
        ...(body.token !== undefined ? { token: body.token } : {}),
      };
      await ctx.database.tx(async (trx) => {
        await writeGitHubSettings(trx, changes, admin.memberId);
        // The audit log names what changed, never a secret's value.
        const after = {
          ...(body.defaultRepo !== undefined ? { defaultRepo: body.defaultRepo } : {}),
          ...(body.webhookSecret !== undefined ? { webhookSecret: body.webhookSecret === null ? 'cleared' : 'set' } : {}),
          ...(body.token !== undefined ? { token: body.token === null ? 'cleared' : 'set' } : {}),
        };
        await insertAudit(trx, { actorId: admin.memberId, action: 'github.settings', targetType: 'settings', targetId: null, after, ip });
      });
      return view();
    },
  };
}

export type GitHubSettings = ReturnType<typeof createGitHubSettings>;
