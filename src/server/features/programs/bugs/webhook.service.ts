// GitHub's webhook: a signed `issues` delivery closes or reopens the bug reports linked to the issue
// and tells everyone who reported, voted on or follows them (ideas linked to it: their voters and
// followers hear of the issue's new state). A redelivery (same X-GitHub-Delivery) changes nothing.
import crypto from 'node:crypto';
import type { AppContext } from '../../../context';
import { AppError, invalid } from '../../../platform/errors';
import type { BugStatus } from '../../../platform/db/schema-bugs';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import { ideaIssueNotice, statusNotice } from './bugs.rules';
import { interestedMembers, setBugStatus } from './bugs.store';
import { DELIVERY_MEMORY_DAYS, isStaleEvent, readIssueEvent, verifySignature } from './github.rules';
import type { GitHubSettings } from './github-settings.service';
import { linksToIssue, rememberDelivery, setIssueState } from './github.store';

export interface Delivery {
  event: string | undefined;
  deliveryId: string | undefined;
  signature: string | undefined;
  body: Buffer;
  /** The JSON text of the payload (for form-encoded deliveries, the `payload` field). */
  payloadText: () => string;
  ip: string;
}

export interface WebhookResult {
  status: 'ok' | 'ignored' | 'duplicate' | 'processed';
  message: string;
  topicIds: number[];
}

type Notice = Parameters<ModerationNotices['write']>[1][number];

const actions: Record<string, BugStatus> = { closed: 'closed', reopened: 'open' };

export function createWebhookService(ctx: AppContext, deps: { settings: GitHubSettings; notices: ModerationNotices; discussions: Pick<Discussions, 'spaces'> }) {
  const log = ctx.logger.child({ feature: 'github-webhook' });

  return {
    async receive(delivery: Delivery): Promise<{ code: 200 | 202; result: WebhookResult }> {
      const { webhookSecret } = await deps.settings.effective();
      if (!webhookSecret || !verifySignature(webhookSecret, delivery.body, delivery.signature)) {
        const reason = !webhookSecret ? 'no webhook secret is configured' : delivery.signature ? 'signature does not match' : 'signature missing';
        log.warn({ deliveryId: delivery.deliveryId, event: delivery.event, ip: delivery.ip, reason }, 'GitHub webhook delivery refused');
        throw new AppError('invalid_signature', 'The X-Hub-Signature-256 signature is missing or wrong');
      }
      const ignored = (message: string) => ({ code: 202 as const, result: { status: 'ignored' as const, message, topicIds: [] } });
      if (delivery.event === 'ping') return { code: 200, result: { status: 'ok', message: 'pong', topicIds: [] } };
      if (delivery.event !== 'issues') return ignored(`${delivery.event ?? 'unnamed'} events are not used`);
      let payload: unknown;
      try {
        payload = JSON.parse(delivery.payloadText());
      } catch {
        throw invalid('body', 'The payload is not valid JSON');
      }
      const event = readIssueEvent(payload);
      if (!event) throw invalid('body', 'The payload is not an issues event (action, issue.number, repository.full_name)');
      const state = actions[event.action];
      const issue = `${event.repo}#${event.number}`;
      const at = new Date();
      if (isStaleEvent(event, at)) return ignored(`The event is more than ${DELIVERY_MEMORY_DAYS} days old: old deliveries are not applied again`);
      // X-GitHub-Delivery is not signed: a captured delivery replayed under a new (or no) id is caught by
      // the digest of its signed bytes, which differ between any two real events (timestamps).
      const digest = `sha256:${crypto.createHash('sha256').update(delivery.body).digest('hex')}`;
      const outcome = await ctx.database.tx(async (trx) => {
        const fresh = await rememberDelivery(trx, digest, 'issues');
        if (!fresh || (delivery.deliveryId && !(await rememberDelivery(trx, delivery.deliveryId, 'issues')))) return { kind: 'duplicate' as const };
        const links = await linksToIssue(trx, event.repo, event.number);
        if (links.length === 0) return { kind: 'unknown' as const };
        if (!state) return { kind: 'action' as const };
        await setIssueState(trx, links.map((l) => l.topic_id), state);
        const told: { spaceId: number; memberIds: number[]; notice: Omit<Notice, 'memberId'> }[] = [];
        const changed: { topicId: number; spaceId: number }[] = [];
        for (const link of links) {
          const isBug = link.bug_status !== null;
          if (isBug ? link.bug_status === state : link.issue_state === state) continue;
          changed.push({ topicId: link.topic_id, spaceId: link.space_id });
          const text = isBug ? statusNotice(link.title, state, { by: 'github', issue }) : ideaIssueNotice(link.title, state, issue);
          if (isBug) {
            await setBugStatus(trx, [link.topic_id], state, at);
            await insertAudit(trx, { actorId: null, action: 'bugReport.status', targetType: 'topic', targetId: link.topic_id, before: { status: link.bug_status }, after: { status: state }, reason: `GitHub issue ${issue} ${event.action}${event.sender ? ` by ${event.sender}` : ''}` });
          }
          // Nobody hears about a deleted or held topic.
          if (link.deleted_at === null) told.push({ spaceId: link.space_id, memberIds: await interestedMembers(trx, link.topic_id), notice: { ...text, url: `/t/${link.slug}/${link.topic_id}`, at, type: 'notice' } });
        }
        return { kind: 'processed' as const, changed, told };
      });
      if (outcome.kind === 'duplicate') return { code: 200, result: { status: 'duplicate', message: 'This delivery was handled before', topicIds: [] } };
      if (outcome.kind === 'unknown') return ignored(`No topic is linked to ${issue}`);
      if (outcome.kind === 'action') return ignored(`The ${event.action} action changes nothing here`);
      // After the commit, to the members who still see the topic's space (visibility is read outside the transaction).
      const notices: Notice[] = [];
      for (const t of outcome.told) for (const memberId of await deps.discussions.spaces.membersWhoSee([t.spaceId], t.memberIds)) notices.push({ memberId, ...t.notice });
      await deps.notices.send(notices);
      for (const c of outcome.changed) await ctx.bus.emit('topic.updated', c);
      log.info({ deliveryId: delivery.deliveryId, issue, action: event.action, topics: outcome.changed.map((c) => c.topicId) }, 'GitHub webhook applied');
      return { code: 200, result: { status: 'processed', message: `${issue} ${event.action}`, topicIds: outcome.changed.map((c) => c.topicId) } };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
