// Linking a bug report or an idea to a GitHub issue (an existing one, or one created through the API),
// and the calls to GitHub that follow: a call that times out or answers 5xx is retried by the
// bugs.githubSync job with backoff, and the link shows "sync pending" meanwhile.
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { hasRole, requireRole, type Actor } from '../../../platform/http/principal';
import type { JobContext } from '../../../platform/jobs/jobs';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { LinkIssueBody, TopicLinkView } from './bugs.schema';
import { firstPostBody, topicKind } from './bugs.store';
import { GitHubCallError, type GitHubClient } from './github.client';
import { presentLink } from './github.presenter';
import { issueBody, issueHosts, parseIssueUrl, statusComment } from './github.rules';
import type { GitHubSettings } from './github-settings.service';
import { deleteLink, findLink, findOp, finishOp, insertOp, saveLink, setIssue, syncStates } from './github.store';

export const SYNC_QUEUE = 'bugs.githubSync';
export const SYNC_RETRY_LIMIT = 5;

export interface LinksDeps {
  discussions: Pick<Discussions, 'topics'>;
  settings: GitHubSettings;
  github: GitHubClient;
}

const linkable = new Set(['bugs', 'ideas']);

export function createLinksService(ctx: AppContext, deps: LinksDeps) {
  const db = ctx.database.db;
  const topicUrl = (t: { id: number; slug: string }) => `${ctx.config.publicUrl}/t/${t.slug}/${t.id}`;

  async function present(actor: Actor, topicId: number): Promise<TopicLinkView> {
    const row = await findLink(db, topicId);
    if (!row) return { topicId, link: null };
    return { topicId, link: presentLink(row, (await syncStates(db, [topicId])).get(topicId), hasRole(actor, 'moderator')) };
  }

  /** Staff, a topic they can see, in a bugs or ideas space. */
  async function staffTopic(actor: Actor, topicId: number) {
    const staff = requireRole(actor, 'moderator', 'Only staff can link topics to GitHub issues');
    await deps.discussions.topics.visibleTopic(actor, topicId);
    const topic = await topicKind(db, topicId);
    if (!topic) throw notFound('Topic not found');
    if (!linkable.has(topic.kind)) throw new AppError('not_linkable', 'Only bug reports and ideas can be linked to GitHub issues');
    return { staff, topic };
  }

  async function token(): Promise<string> {
    const { token: value } = await deps.settings.effective();
    if (!value) throw new AppError('github_not_configured', 'No GitHub token is set (GITHUB_TOKEN or the admin settings)');
    return value;
  }

  /** Queues a call to GitHub for the job; the link shows "sync pending" until it is done. */
  async function queue(topicId: number, kind: 'create_issue' | 'comment', body: string, error: string | null = null): Promise<void> {
    const opId = await insertOp(db, { topicId, kind, body });
    if (error !== null) await finishOp(db, opId, { state: 'pending', error });
    await ctx.jobs.send(SYNC_QUEUE, { opId });
  }

  /** One call to GitHub for a queued op; throws (so pg-boss retries with backoff) while a retry could help. */
  async function runOp(opId: number, job: Pick<JobContext, 'retryCount'>): Promise<void> {
    const op = await findOp(db, opId);
    if (!op || op.state !== 'pending') return;
    const link = await findLink(db, op.topic_id);
    if (!link) return finishOp(db, opId, { state: 'failed', error: 'The topic is no longer linked' });
    try {
      const secret = await deps.settings.effective();
      if (!secret.token) throw new GitHubCallError('No GitHub token is set', false, null);
      if (op.kind === 'create_issue') {
        const topic = await topicKind(db, op.topic_id);
        const title = topic?.title ?? `Topic ${op.topic_id}`;
        const issue = await deps.github.createIssue(secret.token, link.repo, title, op.body);
        await ctx.database.tx(async (trx) => {
          await setIssue(trx, op.topic_id, issue);
          await finishOp(trx, opId, { state: 'done', error: null });
        });
        return;
      }
      if (link.issue_number === null) throw new GitHubCallError('The issue is not created yet', true, null);
      await deps.github.comment(secret.token, link.repo, link.issue_number, op.body);
      await finishOp(db, opId, { state: 'done', error: null });
    } catch (error) {
      if (!(error instanceof GitHubCallError)) throw error;
      const retry = error.transient && job.retryCount < SYNC_RETRY_LIMIT;
      await finishOp(db, opId, { state: retry ? 'pending' : 'failed', error: error.message });
      if (retry) throw error;
    }
  }

  return {
    present,
    runOp,

    async read(actor: Actor, topicId: number): Promise<TopicLinkView> {
      await deps.discussions.topics.visibleTopic(actor, topicId);
      return present(actor, topicId);
    },

    async link(actor: Actor, topicId: number, body: LinkIssueBody, ip: string | null): Promise<TopicLinkView> {
      const { staff, topic } = await staffTopic(actor, topicId);
      if ('url' in body) {
        const ref = parseIssueUrl(body.url, issueHosts(ctx.config.githubApiUrl));
        if ('problem' in ref) throw invalid('url', ref.problem);
        await ctx.database.tx(async (trx) => {
          await deleteLink(trx, topicId);
          await saveLink(trx, { topicId, repo: ref.repo, number: ref.number, url: ref.url, state: null, linkedBy: staff.memberId });
          await insertAudit(trx, { actorId: staff.memberId, action: 'topic.githubLink', targetType: 'topic', targetId: topicId, after: { url: ref.url }, ip });
        });
        return present(actor, topicId);
      }
      const repo = body.repo ?? (await deps.settings.effective()).defaultRepo;
      if (!repo) throw invalid('repo', 'Name the repository (owner/name) or set a default one in the admin settings');
      const secret = await token();
      const markdown = issueBody(await firstPostBody(db, topicId), topicUrl(topic));
      await ctx.database.tx(async (trx) => {
        await deleteLink(trx, topicId);
        await saveLink(trx, { topicId, repo, number: null, url: null, state: null, linkedBy: staff.memberId });
        await insertAudit(trx, { actorId: staff.memberId, action: 'topic.githubIssueCreate', targetType: 'topic', targetId: topicId, after: { repo }, ip });
      });
      try {
        await setIssue(db, topicId, await deps.github.createIssue(secret, repo, topic.title, markdown));
      } catch (error) {
        if (!(error instanceof GitHubCallError) || !error.transient) await deleteLink(db, topicId);
        if (!(error instanceof GitHubCallError)) throw error;
        if (!error.transient) throw new AppError('github_failed', error.message);
        await queue(topicId, 'create_issue', markdown, error.message);
      }
      return present(actor, topicId);
    },

    async unlink(actor: Actor, topicId: number, ip: string | null): Promise<void> {
      const { staff } = await staffTopic(actor, topicId);
      const before = await findLink(db, topicId);
      if (!before) throw notFound('The topic is not linked to a GitHub issue');
      await ctx.database.tx(async (trx) => {
        await deleteLink(trx, topicId);
        await insertAudit(trx, { actorId: staff.memberId, action: 'topic.githubUnlink', targetType: 'topic', targetId: topicId, before: { repo: before.repo, issue: before.issue_number }, ip });
      });
    },

    /** After a status change in Hearth: a comment on the linked issue, if any (through the job). */
    async commentStatus(topicId: number, what: 'bug report' | 'idea', status: string, comment: string): Promise<void> {
      const link = await findLink(db, topicId);
      const topic = await topicKind(db, topicId);
      if (!link || !topic) return;
      await queue(topicId, 'comment', statusComment(what, status, comment, topicUrl(topic)));
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
