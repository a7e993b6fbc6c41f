// Staff on ideas boards: a status with a public comment (voters and the author are told), and merging
// a duplicate into the idea it repeats (its votes move there, it is closed and points there).
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../../platform/http/principal';
import type { IdeaStatus } from '../../../platform/db/schema-ideas';
import { insertAudit } from '../../audit';
import { renderMarkdown } from '../../discussions';
import type { Discussions } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import type { IdeaAccess, IdeasService } from './ideas.service';
import { decideStatus, mergeNotice, noticeRecipients, statusNotice } from './ideas.rules';
import type { IdeaMergeBody, IdeaMergeView, IdeaStatusBody, IdeaView } from './ideas.schema';
import { addToVoteCount, closeTopic, lockIdea, moveVotes, voterIds, writeStatus } from './ideas.store';

export interface IdeaStatusDeps {
  access: IdeaAccess;
  ideas: Pick<IdeasService, 'get'>;
  notices: ModerationNotices;
  spaces: Pick<Discussions['spaces'], 'membersWhoSee'>;
}

const topicUrl = (topic: { id: number; slug: string }): string => `/t/${topic.slug}/${topic.id}`;

export function createIdeaStatusService(ctx: AppContext, deps: IdeaStatusDeps) {
  const { access, notices } = deps;
  const db = ctx.database.db;

  return {
    async setStatus(actor: Actor, topicId: number, body: IdeaStatusBody, ip: string | null): Promise<IdeaView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can set the status of an idea');
      const { topic } = await access.idea(actor, topicId);
      if (topic.deleted_at !== null) throw notFound('Topic not found');
      const comment = (body.comment ?? '').trim();
      const at = new Date();
      const seeing = await deps.spaces.membersWhoSee([topic.space_id], [...(await voterIds(db, topicId)), topic.author_id]);
      const result = await ctx.database.tx(async (trx) => {
        const idea = await lockIdea(trx, topicId);
        if (idea.merged_into_id !== null) throw new AppError('idea_merged', 'This idea was merged into another one');
        const decision = decideStatus({ status: idea.status, comment: idea.status_comment }, body.status, comment);
        if (decision.kind === 'problem') throw invalid(decision.field, decision.message);
        if (decision.kind === 'unchanged') return { changed: false, written: [] };
        const previous: IdeaStatus = idea.status;
        await writeStatus(trx, { topicId, status: body.status, previous, comment, html: comment ? renderMarkdown(comment) : '', actorId: staff.memberId, at });
        await insertAudit(trx, { actorId: staff.memberId, action: 'idea.status', targetType: 'topic', targetId: topicId, before: { status: previous, comment: idea.status_comment }, after: { status: body.status, comment }, ip });
        if (decision.kind === 'comment_only') return { changed: false, written: [] };
        const recipients = noticeRecipients(await voterIds(trx, topicId), topic.author_id, staff.memberId).filter((id) => seeing.has(id));
        const text = statusNotice(topic.title, body.status, comment);
        const written = await notices.write(trx, recipients.map((memberId) => ({ memberId, ...text, url: topicUrl(topic), actorId: staff.memberId, at, type: 'notice' as const })));
        return { changed: true, written };
      });
      await notices.announce(result.written);
      if (result.changed) {
        await ctx.bus.emit('idea.statusChanged', { topicId, spaceId: topic.space_id, status: body.status, comment, actorId: staff.memberId });
      }
      return deps.ideas.get(actor, topicId);
    },

    async merge(actor: Actor, topicId: number, body: IdeaMergeBody, ip: string | null): Promise<IdeaMergeView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can merge ideas');
      if (body.intoTopicId === topicId) throw invalid('intoTopicId', 'An idea cannot duplicate itself');
      const { topic } = await access.idea(actor, topicId);
      const { topic: into } = await access.idea(actor, body.intoTopicId);
      if (topic.deleted_at !== null) throw notFound('Topic not found');
      if (into.deleted_at !== null) throw notFound('The idea to merge into was not found');
      const comment = (body.comment ?? '').trim();
      const at = new Date();
      const seeing = await deps.spaces.membersWhoSee([topic.space_id, into.space_id], [...(await voterIds(db, topicId)), topic.author_id]);
      const result = await ctx.database.tx(async (trx) => {
        // Both rows locked in id order, so two merges of the same pair cannot deadlock.
        const [first, second] = topicId < into.id ? [topicId, into.id] : [into.id, topicId];
        const locked = new Map([[first, await lockIdea(trx, first)], [second, await lockIdea(trx, second)]]);
        const duplicate = locked.get(topicId);
        const target = locked.get(into.id);
        if (!duplicate || !target) throw notFound('Topic not found');
        if (duplicate.merged_into_id !== null) throw new AppError('idea_merged', 'This idea was already merged');
        if (target.merged_into_id !== null) throw new AppError('idea_merged', 'That idea was itself merged into another one; merge into that one');
        const moved = await moveVotes(trx, topicId, into.id);
        const votes = await addToVoteCount(trx, into.id, moved.added);
        await writeStatus(trx, { topicId, status: 'duplicate', previous: duplicate.status, comment, html: comment ? renderMarkdown(comment) : '', actorId: staff.memberId, at, mergedIntoId: into.id });
        await closeTopic(trx, topicId, at);
        await insertAudit(trx, {
          actorId: staff.memberId, action: 'idea.merge', targetType: 'topic', targetId: topicId, ip,
          before: { status: duplicate.status, votes: duplicate.vote_count, intoVotes: target.vote_count },
          after: { status: 'duplicate', intoTopicId: into.id, intoVotes: votes, movedVotes: moved.added },
        });
        const recipients = noticeRecipients(moved.voters, topic.author_id, staff.memberId).filter((id) => seeing.has(id));
        const text = mergeNotice(topic.title, into.title);
        const written = await notices.write(trx, recipients.map((memberId) => ({ memberId, ...text, url: topicUrl(into), actorId: staff.memberId, at, type: 'notice' as const })));
        return { written };
      });
      await notices.announce(result.written);
      await ctx.bus.emit('idea.statusChanged', { topicId, spaceId: topic.space_id, status: 'duplicate', comment, actorId: staff.memberId });
      await ctx.bus.emit('topic.updated', { topicId, spaceId: topic.space_id });
      const [duplicateView, intoView] = await Promise.all([deps.ideas.get(actor, topicId), deps.ideas.get(actor, into.id)]);
      return { duplicate: duplicateView, into: intoView };
    },
  };
}

export type IdeaStatusService = ReturnType<typeof createIdeaStatusService>;
