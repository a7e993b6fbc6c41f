// Bug reports: members report through the template (a topic in a bugs space, through the discussions
// service so the post gate, search and notifications apply) and say "affects me too"; staff close and
// reopen them, which tells the reporter, voters and followers and comments on the linked issue.
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../platform/errors';
import { decodeCursor, pageOf } from '../../../platform/http/cursor';
import { hasRole, requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { HeldPost } from '../../discussions';
import type { ModerationNotices } from '../../moderation';
import { presentBugReport } from './bugs.presenter';
import { statusNotice } from './bugs.rules';
import type { BugReportBody, BugReportListQuery, BugReportPage, BugReportView, BugStatusBody, BugVoteView } from './bugs.schema';
import { addVote, findBugReport, insertBugReport, interestedMembers, listBugReports, lockBugStatus, removeVote, setBugStatus, votedBy } from './bugs.store';
import { composeBugMarkdown } from './github.rules';
import { syncStates } from './github.store';
import type { LinksService } from './links.service';

export interface BugsDeps {
  discussions: Pick<Discussions, 'topics' | 'spaces'>;
  notices: ModerationNotices;
  links: LinksService;
}

export function createBugsService(ctx: AppContext, deps: BugsDeps) {
  const db = ctx.database.db;

  async function view(actor: Actor, topicId: number): Promise<BugReportView> {
    const row = await findBugReport(db, topicId);
    if (!row) throw notFound('Bug report not found');
    const voted = actor ? (await votedBy(db, [topicId], actor.memberId)).has(topicId) : false;
    return presentBugReport(row, voted, (await syncStates(db, [topicId])).get(topicId), hasRole(actor, 'moderator'));
  }

  /** A report in a topic the actor may see; 404 otherwise. */
  async function visibleReport(actor: Actor, topicId: number) {
    const { topic } = await deps.discussions.topics.visibleTopic(actor, topicId);
    const row = await findBugReport(db, topicId);
    if (!row) throw notFound('Bug report not found');
    return { topic, row };
  }

  async function votes(actor: Actor, topicId: number): Promise<BugVoteView> {
    const report = await view(actor, topicId);
    return { topicId, votes: report.votes, voted: report.voted };
  }

  return {
    /** 201 with the report, or 202 with the held post when moderation holds it for review. */
    async create(actor: Actor, body: BugReportBody): Promise<BugReportView | HeldPost> {
      const member = requireMember(actor);
      const { space } = await deps.discussions.spaces.visible(actor, body.spaceId);
      if (space.kind !== 'bugs') throw new AppError('not_bugs_space', 'Bug reports go in a space of kind bugs');
      const created = await deps.discussions.topics.create(actor, {
        spaceId: body.spaceId,
        title: body.title,
        body: composeBugMarkdown(body),
        ...(body.tags ? { tags: body.tags } : {}),
      });
      const topicId = 'status' in created ? created.topicId : created.id;
      await insertBugReport(db, { topicId, reporterId: member.memberId, steps: body.steps.trim(), expected: body.expected.trim(), actual: body.actual.trim(), version: body.version.trim() });
      if ('status' in created) return created;
      return view(actor, topicId);
    },

    async get(actor: Actor, topicId: number): Promise<BugReportView> {
      await visibleReport(actor, topicId);
      return view(actor, topicId);
    },

    async list(actor: Actor, spaceId: number, query: BugReportListQuery): Promise<BugReportPage> {
      const { space } = await deps.discussions.spaces.visible(actor, spaceId);
      if (space.kind !== 'bugs') throw new AppError('not_bugs_space', 'This space is not a bug tracker');
      const limit = query.limit ?? 20;
      const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
      const rows = await listBugReports(db, spaceId, { status: query.status ?? 'open', limit, beforeId: beforeId as number | undefined, includeUnlisted: hasRole(actor, 'moderator') });
      const page = pageOf(rows, limit, (r) => [r.topic_id]);
      const ids = page.items.map((r) => r.topic_id);
      const [voted, sync] = await Promise.all([actor ? votedBy(db, ids, actor.memberId) : Promise.resolve(new Set<number>()), syncStates(db, ids)]);
      return { items: page.items.map((r) => presentBugReport(r, voted.has(r.topic_id), sync.get(r.topic_id), hasRole(actor, 'moderator'))), nextCursor: page.nextCursor };
    },

    /** Staff close or reopen a report: reporter, voters and followers are told; the linked issue gets a comment. */
    async setStatus(actor: Actor, topicId: number, body: BugStatusBody, ip: string | null): Promise<BugReportView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can close or reopen bug reports');
      const { topic, row } = await visibleReport(actor, topicId);
      if (row.status === body.status) return view(actor, topicId);
      const comment = body.comment ?? '';
      const at = new Date();
      // Not about a deleted or held topic, and only to members who still see its space.
      const told = topic.deleted_at !== null ? [] : [...(await deps.discussions.spaces.membersWhoSee([topic.space_id], await interestedMembers(db, topicId)))].filter((id) => id !== staff.memberId).sort((a, b) => a - b);
      const written = await ctx.database.tx(async (trx) => {
        const before = await lockBugStatus(trx, topicId);
        if (before === undefined) throw notFound('Bug report not found');
        if (before === body.status) return [];
        await setBugStatus(trx, [topicId], body.status, at);
        await insertAudit(trx, { actorId: staff.memberId, action: 'bugReport.status', targetType: 'topic', targetId: topicId, before: { status: before }, after: { status: body.status }, reason: comment || null, ip });
        const notice = statusNotice(row.title, body.status, { by: 'staff', comment });
        return deps.notices.write(trx, told.map((memberId) => ({ memberId, ...notice, url: `/t/${row.slug}/${topicId}`, actorId: staff.memberId, at, type: 'notice' as const })));
      });
      await deps.notices.announce(written);
      await ctx.bus.emit('topic.updated', { topicId, spaceId: topic.space_id });
      await deps.links.commentStatus(topicId, 'bug report', body.status, comment);
      return view(actor, topicId);
    },

    async vote(actor: Actor, topicId: number): Promise<BugVoteView> {
      const member = requireMember(actor);
      const { topic } = await visibleReport(actor, topicId);
      await ctx.database.tx(async (trx) => {
        if (await addVote(trx, topicId, member.memberId)) {
          await recordActivity(trx, { memberId: member.memberId, kind: 'bugReport.voted', spaceId: topic.space_id, topicId });
        }
      });
      return votes(actor, topicId);
    },

    async unvote(actor: Actor, topicId: number): Promise<BugVoteView> {
      const member = requireMember(actor);
      await visibleReport(actor, topicId);
      await removeVote(db, topicId, member.memberId);
      return votes(actor, topicId);
    },
  };
}

export type BugsService = ReturnType<typeof createBugsService>;
