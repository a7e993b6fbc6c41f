// Bug reports relayed to the product team, with two-way GitHub sync: a bugs space's reports carry the
// template's fields and a status; staff link reports and ideas to GitHub issues; GitHub's webhook closes
// and reopens them; status changes here comment on the issue (retried by a job when GitHub fails).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { createOutbound } from '../../../platform/net';
import type { Discussions } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import { registerBugRoutes } from './bugs.routes';
import { createBugsService, type BugsService } from './bugs.service';
import { createGitHubClient, type GitHubClient } from './github.client';
import { createGitHubSettings, type GitHubSettings } from './github-settings.service';
import { registerLinkRoutes } from './links.routes';
import { SYNC_QUEUE, SYNC_RETRY_LIMIT, createLinksService, type LinksService } from './links.service';
import { registerWebhookRoutes } from './webhook.routes';
import { createWebhookService, type WebhookService } from './webhook.service';
import { forgetDeliveriesBefore } from './github.rules';
import { forgetDeliveries } from './github.store';

/** Daily: remembered webhook deliveries older than any event the webhook still applies are dropped. */
export const PRUNE_DELIVERIES_QUEUE = 'bugs.pruneDeliveries';

export interface BugsProgram {
  reports: BugsService;
  links: LinksService;
  settings: GitHubSettings;
  webhook: WebhookService;
  postsPerMinute: number;
}

export interface BugsProgramDeps {
  discussions: Discussions;
  notices: ModerationNotices;
  /** Tests may pass their own client; by default, GitHub's REST API through the outbound guard. */
  github?: GitHubClient;
}

/** Builds the services and defines the sync job (call before the job queue starts). */
export function createBugsProgram(ctx: AppContext, deps: BugsProgramDeps): BugsProgram {
  const settings = createGitHubSettings(ctx);
  const github = deps.github ?? createGitHubClient(createOutbound({ allowHosts: ctx.config.outboundAllowHosts, timeoutMs: 10_000 }), ctx.config.githubApiUrl);
  const links = createLinksService(ctx, { discussions: deps.discussions, settings, github });
  const reports = createBugsService(ctx, { discussions: deps.discussions, notices: deps.notices, links });
  const webhook = createWebhookService(ctx, { settings, notices: deps.notices, discussions: deps.discussions });

  ctx.jobs.define<{ opId: number }>({
    queue: SYNC_QUEUE,
    retryLimit: SYNC_RETRY_LIMIT,
    retryDelaySeconds: 2,
    expireInSeconds: 120,
    handler: (data, job) => links.runOp(data.opId, job),
  });

  ctx.jobs.define({
    queue: PRUNE_DELIVERIES_QUEUE,
    schedule: '17 4 * * *',
    retryLimit: 1,
    expireInSeconds: 300,
    handler: async () => ({ forgotten: await forgetDeliveries(ctx.database.db, forgetDeliveriesBefore(new Date())) }),
  });

  // An idea's new status (ideas boards) comments on its linked issue, once: in the process that emitted it.
  ctx.bus.on('idea.statusChanged', async (event, meta) => {
    if (meta.remote) return;
    await links.commentStatus(event.topicId, 'idea', event.status, event.comment);
  });

  return { reports, links, settings, webhook, postsPerMinute: ctx.config.postsPerMinute };
}

export function registerBugsProgram(app: FastifyInstance, bugs: BugsProgram): void {
  registerBugRoutes(app, bugs.reports, bugs.postsPerMinute);
  registerLinkRoutes(app, bugs.links, bugs.settings);
  registerWebhookRoutes(app, bugs.webhook);
}
