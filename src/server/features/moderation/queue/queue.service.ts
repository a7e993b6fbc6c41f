// The review queue: one list of what awaits a moderator (flagged, held and first posts, flagged
// members, sign-ups), filtered and sorted, claimed, and decided. A decision publishes or withholds the
// post, settles the flags, teaches the classifiers, can sanction the author, is audited, and tells
// the author (and the flaggers) after commit.
import type { AppContext } from '../../../context';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { hasRole, requireMember, type Actor, type Principal } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import { settleApproval } from '../../accounts/approval.store';
import { renderMarkdown } from '../../discussions';
import { announceVisibility, releasePost, withholdPost, type VisibilityChange } from '../../discussions/posts/withhold';
import { insertRevision, updatePostBody } from '../../discussions/posts/posts.store';
import { notifyFlaggers, settleFlags } from '../flags';
import type { ModerationNotices } from '../notices';
import type { SanctionsService } from '../sanctions/sanctions.service';
import { authorNotice, effectOf } from './decisions.rules';
import { presentItem } from './queue.presenter';
import type { DecisionBody, QueuePage, QueueQuery, ReviewItemView } from './queue.schema';
import { claimItem, countPending, findPostBody, findQueueItem, insertLabels, listQueue, releaseClaim, resolveItem } from './queue.store';

/** Who works the queue: staff see every item; a space moderator only the items of the spaces they moderate. */
interface QueueAccess {
  member: Principal;
  staff: boolean;
  spaceIds: readonly number[];
}

export interface QueueDeps {
  notices: ModerationNotices;
  sanctions: SanctionsService;
  /** The spaces the actor moderates through a group granted canModerate. */
  moderatedSpaceIds(actor: Actor): Promise<number[]>;
  tellApplicant(memberId: number, approved: boolean, reason: string): Promise<void>;
}

export function createQueueService(ctx: AppContext, deps: QueueDeps) {
  const db = ctx.database.db;

  async function load(id: number): Promise<ReviewItemView> {
    const row = await findQueueItem(db, id);
    if (!row) throw notFound('Review item not found');
    return presentItem(row);
  }

  async function queueAccess(actor: Actor): Promise<QueueAccess> {
    const member = requireMember(actor);
    if (hasRole(member, 'moderator')) return { member, staff: true, spaceIds: [] };
    const spaceIds = await deps.moderatedSpaceIds(member);
    if (spaceIds.length === 0) throw forbidden('Only staff and space moderators can work the review queue');
    return { member, staff: false, spaceIds };
  }

  /** 404 for an item outside the space moderator's spaces (as if it did not exist). */
  function requireInReach(access: QueueAccess, row: { space_id: number | null } | undefined): asserts row is NonNullable<typeof row> {
    if (!row || (!access.staff && (row.space_id === null || !access.spaceIds.includes(row.space_id)))) throw notFound('Review item not found');
  }

  return {
    load,

    async list(actor: Actor, query: QueueQuery): Promise<QueuePage> {
      const access = await queueAccess(actor);
      const limit = query.limit ?? 30;
      const asked = query.spaceId === undefined ? undefined : [query.spaceId];
      const rows = await listQueue(db, {
        status: query.status ?? 'pending',
        kind: query.kind,
        spaceIds: access.staff ? asked : (asked ?? access.spaceIds).filter((id) => access.spaceIds.includes(id)),
        olderThan: query.olderThanHours === undefined ? undefined : new Date(Date.now() - query.olderThanHours * 3_600_000),
        sort: query.sort ?? 'age',
        limit,
        offset: query.offset ?? 0,
      });
      return { items: rows.slice(0, limit).map(presentItem), hasMore: rows.length > limit, pending: await countPending(db, access.staff ? undefined : access.spaceIds) };
    },

    async get(actor: Actor, id: number): Promise<ReviewItemView> {
      requireInReach(await queueAccess(actor), await findQueueItem(db, id));
      return load(id);
    },

    async claim(actor: Actor, id: number): Promise<ReviewItemView> {
      const access = await queueAccess(actor);
      const staff = access.member;
      const row = await findQueueItem(db, id);
      requireInReach(access, row);
      const item = presentItem(row);
      if (item.status !== 'pending') throw new AppError('already_decided', 'This item was already decided');
      if (!(await claimItem(db, id, staff.memberId, new Date()))) throw new AppError('claimed_by_other', `${item.claimedBy ?? 'Another moderator'} is working on this item`);
      await ctx.bus.emit('review.changed', { itemId: id, kind: row.kind, spaceId: row.space_id, change: 'claimed' });
      return load(id);
    },

    async unclaim(actor: Actor, id: number): Promise<ReviewItemView> {
      const access = await queueAccess(actor);
      const row = await findQueueItem(db, id);
      requireInReach(access, row);
      if (await releaseClaim(db, id, access.member.memberId)) await ctx.bus.emit('review.changed', { itemId: id, kind: row.kind, spaceId: row.space_id, change: 'released' });
      return load(id);
    },

    async decide(actor: Actor, id: number, body: DecisionBody, ip: string): Promise<ReviewItemView> {
      const access = await queueAccess(actor);
      const staff = access.member;
      const row = await findQueueItem(db, id);
      requireInReach(access, row);
      if (body.sanction && !access.staff) throw forbidden('Space moderators cannot sanction members; ask a moderator');
      if (row.status !== 'pending') throw new AppError('already_decided', 'This item was already decided');
      if (row.claimed_by !== null && row.claimed_by !== staff.memberId && staff.role !== 'admin') {
        throw new AppError('claimed_by_other', `${row.claimed_by_username ?? 'Another moderator'} claimed this item`);
      }
      if (body.action === 'edit' && (body.body === undefined || row.post_id === null)) throw new AppError('invalid_request', 'edit needs the new body, and a post', { field: 'body' });
      const effect = effectOf(body.action, body.category);
      const at = new Date();
      const result = await ctx.database.tx(async (trx) => {
        if (!(await resolveItem(trx, id, { status: effect.status, resolution: body.action, reason: body.reason, by: staff.memberId, at }))) {
          throw new AppError('already_decided', 'Someone decided this item first');
        }
        let change: VisibilityChange | null = null;
        if (row.post_id !== null) {
          if (body.action === 'edit' && body.body !== undefined) {
            const post = await findPostBody(trx, row.post_id);
            if (post && (await updatePostBody(trx, post.id, post.revision, { body: body.body, html: renderMarkdown(body.body), at }))) {
              await insertRevision(trx, { postId: post.id, revision: post.revision, body: post.body, editorId: staff.memberId });
            }
          }
          if (effect.postState === null) change = await releasePost(trx, row.post_id, at);
          else if (effect.postState !== undefined) change = await withholdPost(trx, row.post_id, effect.postState, staff.memberId, at);
          await insertLabels(trx, row.post_id, staff.memberId, effect.labels);
        }
        if (row.kind === 'signup') await settleApproval(trx, row.member_id, effect.status !== 'rejected', body.reason);
        const flaggers = await settleFlags(trx, id, effect.flags);
        await insertAudit(trx, {
          actorId: staff.memberId, action: `review.${body.action}`, targetType: row.post_id !== null ? 'post' : 'member', targetId: row.post_id ?? row.member_id, reason: body.reason,
          before: { itemId: id, kind: row.kind, state: row.moderation_state }, after: { status: effect.status, guideline: body.guideline ?? null, category: body.category ?? null }, ip,
        });
        const notice = authorNotice(body.action, body.reason, body.guideline, body.message);
        const written = notice ? await deps.notices.write(trx, [{ memberId: row.member_id, ...notice, url: `/moderation/mine?item=${id}`, actorId: staff.memberId }]) : [];
        written.push(...(await notifyFlaggers(trx, flaggers, effect.flags, row.topic_title ?? 'a post')));
        const sanction = body.sanction
          ? await deps.sanctions.imposeIn(trx, { memberId: staff.memberId, role: staff.role === 'admin' ? 'admin' : 'moderator' }, row.member_id, {
              kind: body.sanction.kind, reason: body.reason, guideline: body.guideline ?? 'guidelines', ...(body.message !== undefined ? { message: body.message } : {}),
              ...(body.sanction.hours !== undefined ? { hours: body.sanction.hours } : {}), ...(row.post_id !== null ? { postId: row.post_id } : {}),
            }, { reviewItemId: id, ip })
          : undefined;
        return { change, written, sanction };
      });
      await announceVisibility(ctx.bus, result.change);
      await deps.notices.announce(result.written);
      await result.sanction?.after(actor);
      if (row.kind === 'signup') {
        await ctx.bus.emit('member.credentialsChanged', { memberId: row.member_id });
        await deps.tellApplicant(row.member_id, effect.status !== 'rejected', body.reason);
      }
      await ctx.bus.emit('review.changed', { itemId: id, kind: row.kind, spaceId: row.space_id, change: 'decided' });
      return load(id);
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
