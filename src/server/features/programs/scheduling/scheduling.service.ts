// Scheduled publishing: staff prepare a topic, an article or an announcement to appear at a set time.
// A job every minute claims the due items (each exactly once) and publishes them as their author
// through the topics service (so search, notifications, feeds and the post gate see a normal new
// topic) or by writing the announcement; a failure is recorded for staff to read.
import type { AppContext } from '../../../context';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { hasRole, memberPrincipal, requireRole, type Actor, type Principal } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { Discussions } from '../../discussions';
import type { AnnouncementsService } from '../announcements/announcements.service';
import { failureText, isPast, payloadProblem, readPayload, type SchedulePayload } from './scheduling.rules';
import { scheduleLimits, type RunReport, type ScheduleBody, type ScheduledList, type ScheduledQuery, type ScheduledView, type SchedulePatch } from './scheduling.schema';
import { cancelPending, claimDue, failStale, findAuthor, findScheduled, insertScheduled, listScheduled, settle, updatePending, type ClaimedItem, type ScheduledRow } from './scheduling.store';
import type { ScheduledKind } from '../../../platform/db/schema-articles';

/** A claim older than this was left by a run that died. */
const STALE_MS = 15 * 60_000;

export interface SchedulingDeps {
  discussions: Pick<Discussions, 'spaces' | 'topics'>;
  announcements: Pick<AnnouncementsService, 'insert' | 'changed'>;
}

function present(row: ScheduledRow): ScheduledView {
  const p = readPayload(row.payload);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    publishAt: row.publish_at.toISOString(),
    author: { id: row.author_id, username: row.username ?? null },
    title: p.title,
    body: p.body,
    spaceId: p.spaceId ?? null,
    tags: p.tags ?? [],
    audience: p.audience ?? null,
    endsAt: p.endsAt ?? null,
    error: row.error,
    topicId: row.topic_id,
    announcementId: row.announcement_id,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The author as a principal, as they are now: gone, suspended or no longer staff → the item fails. */
function asAuthor(row: NonNullable<Awaited<ReturnType<typeof findAuthor>>>, now: Date): Principal {
  if (row.suspended_until !== null && row.suspended_until.getTime() > now.getTime()) throw new AppError('account_suspended', 'The author is suspended');
  const principal = memberPrincipal({ memberId: row.id, username: row.username, role: row.role, trustLevel: row.trust_level }, 'write');
  if (!hasRole(principal, 'moderator')) throw forbidden('The author is no longer staff');
  return principal;
}

export function createSchedulingService(ctx: AppContext, deps: SchedulingDeps) {
  const db = ctx.database.db;

  /** Checks the item as it would be published: fields that fit its kind, a space the author may post in (a knowledge base for articles). */
  async function check(actor: Actor, kind: ScheduledKind, payload: SchedulePayload, publishAt: Date): Promise<void> {
    if (isPast(publishAt, new Date())) throw new AppError('publish_at_past', 'publishAt must be in the future', { field: 'publishAt' });
    const problem = payloadProblem(kind, payload, publishAt);
    if (problem) throw invalid(problem.field, problem.message);
    if (payload.spaceId === undefined) return;
    const { space, access } = await deps.discussions.spaces.visible(actor, payload.spaceId);
    if (!access.canPost) throw forbidden('You cannot start topics in this space');
    if (kind === 'article' && space.kind !== 'articles') throw new AppError('not_article', 'Articles are published in a knowledge base (a space of kind "articles")');
  }

  async function read(id: number): Promise<ScheduledView> {
    const row = await findScheduled(db, id);
    if (!row) throw notFound('Scheduled item not found');
    return present(row);
  }

  async function publish(item: ClaimedItem, now: Date): Promise<{ topicId?: number; announcementId?: number; note: string | null }> {
    const author = await findAuthor(db, item.author_id);
    if (!author) throw notFound('The author no longer exists');
    const actor = asAuthor(author, now);
    const p = readPayload(item.payload);
    if (item.kind === 'announcement') {
      const body = { title: p.title, body: p.body, startsAt: item.publish_at.toISOString(), ...(p.audience ? { audience: p.audience } : {}), ...(p.endsAt !== undefined ? { endsAt: p.endsAt } : {}) };
      const announcementId = await ctx.database.tx((trx) => deps.announcements.insert(trx, actor.memberId, body, now, null, `scheduled item ${item.id}`));
      await deps.announcements.changed(announcementId);
      return { announcementId, note: null };
    }
    if (p.spaceId === undefined) throw invalid('spaceId', 'No space to publish in');
    if (item.kind === 'article') {
      const { space } = await deps.discussions.spaces.visible(actor, p.spaceId);
      if (space.kind !== 'articles') throw new AppError('not_article', 'The space is no longer a knowledge base');
    }
    const created = await deps.discussions.topics.create(actor, { spaceId: p.spaceId, title: p.title, body: p.body, ...(p.tags ? { tags: p.tags } : {}) });
    if ('status' in created) return { topicId: created.topicId, note: `Held for review: ${created.reason.message}` };
    return { topicId: created.id, note: null };
  }

  const service = {
    async create(actor: Actor, body: ScheduleBody, ip: string | null): Promise<ScheduledView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can schedule publishing');
      const publishAt = new Date(body.publishAt);
      const { kind, publishAt: _publishAt, ...payload } = body;
      await check(actor, kind, payload, publishAt);
      const id = await ctx.database.tx(async (trx) => {
        const created = await insertScheduled(trx, { kind, authorId: staff.memberId, publishAt, payload, at: new Date() });
        await insertAudit(trx, { actorId: staff.memberId, action: 'scheduled.create', targetType: 'scheduled_item', targetId: created, after: { kind, publishAt: publishAt.toISOString(), title: payload.title, spaceId: payload.spaceId ?? null }, ip });
        return created;
      });
      return read(id);
    },

    async list(actor: Actor, query: ScheduledQuery): Promise<ScheduledList> {
      requireRole(actor, 'moderator', 'Only staff can see scheduled publishing');
      return { items: (await listScheduled(db, { status: query.status, limit: scheduleLimits.listMax })).map(present) };
    },

    /** Before it is published: a new time or new content. */
    async update(actor: Actor, id: number, patch: SchedulePatch, ip: string | null): Promise<ScheduledView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can change scheduled publishing');
      const row = await findScheduled(db, id);
      if (!row) throw notFound('Scheduled item not found');
      if (row.status !== 'pending') throw new AppError('not_pending', `This item is ${row.status}; only pending items can change`);
      const { publishAt: at, ...fields } = patch;
      const publishAt = at !== undefined ? new Date(at) : row.publish_at;
      const payload: SchedulePayload = { ...readPayload(row.payload), ...fields };
      await check(actor, row.kind, payload, publishAt);
      await ctx.database.tx(async (trx) => {
        if (!(await updatePending(trx, id, { publishAt, payload }, new Date()))) throw new AppError('not_pending', 'This item is no longer pending');
        await insertAudit(trx, { actorId: staff.memberId, action: 'scheduled.update', targetType: 'scheduled_item', targetId: id, before: { publishAt: row.publish_at.toISOString() }, after: { ...patch, body: undefined }, ip });
      });
      return read(id);
    },

    async cancel(actor: Actor, id: number, ip: string | null): Promise<void> {
      const staff = requireRole(actor, 'moderator', 'Only staff can cancel scheduled publishing');
      const row = await findScheduled(db, id);
      if (!row) throw notFound('Scheduled item not found');
      await ctx.database.tx(async (trx) => {
        if (!(await cancelPending(trx, id, new Date()))) throw new AppError('not_pending', `This item is ${row.status}; only pending items can be cancelled`);
        await insertAudit(trx, { actorId: staff.memberId, action: 'scheduled.cancel', targetType: 'scheduled_item', targetId: id, before: { kind: row.kind, publishAt: row.publish_at.toISOString() }, ip });
      });
    },

    /** Admins: publish what is due now, without waiting for the minute job. */
    async runNow(actor: Actor): Promise<RunReport> {
      requireRole(actor, 'admin', 'Only admins can run scheduled publishing');
      return service.runDue(new Date());
    },

    /** Publishes every item due at `now`, each once; the job calls it every minute, staff may call it at once. */
    async runDue(now: Date): Promise<RunReport> {
      let failed = await failStale(db, new Date(now.getTime() - STALE_MS), now);
      const claimed = await claimDue(db, now, scheduleLimits.claimBatch);
      let published = 0;
      for (const item of claimed) {
        try {
          const result = await publish(item, now);
          await settle(db, item.id, { status: 'published', error: result.note, topicId: result.topicId ?? null, announcementId: result.announcementId ?? null, at: now });
          published++;
        } catch (error) {
          if (!(error instanceof AppError)) ctx.logger.error({ err: error, scheduledItem: item.id }, 'scheduled publishing failed');
          await settle(db, item.id, { status: 'failed', error: failureText(error), at: now });
          failed++;
        }
      }
      return { published, failed };
    },
  };
  return service;
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
