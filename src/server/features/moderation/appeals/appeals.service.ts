// Appeals: a sanctioned member, or the author of a post moderation withheld, appeals once per action;
// a moderator other than the one who acted upholds, overturns (post restored, sanction lifted) or
// reduces it. The member is told; admins see overturn rates per moderator.
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { recordActivity } from '../../activities';
import { insertAudit } from '../../audit';
import { announceVisibility, releasePost, type VisibilityChange } from '../../discussions/posts/withhold';
import type { ModerationNotices } from '../notices';
import { findQueueItem, insertLabels, overturnItem } from '../queue/queue.store';
import type { SanctionsService } from '../sanctions/sanctions.service';
import { findSanction } from '../sanctions/sanctions.store';
import type { AppealBody, AppealDecisionBody, AppealView } from './appeals.schema';
import { appealStats, decideAppeal, findAppeal, insertAppeal, listAppeals, sanctionsOfItem, type AppealRow } from './appeals.store';

function present(row: AppealRow): AppealView {
  const action = row.sanction_kind !== null ? `${row.sanction_kind}` : `post ${row.item_resolution ?? 'decision'}`;
  return {
    id: row.id,
    status: row.status,
    member: { id: row.member_id, username: row.username },
    sanctionId: row.sanction_id,
    reviewItemId: row.review_item_id,
    action,
    body: row.body,
    actedBy: row.acted_by_username,
    decidedBy: row.decided_by_username,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    createdAt: row.created_at.toISOString(),
  };
}

const statusOf = { uphold: 'upheld', overturn: 'overturned', reduce: 'reduced' } as const;

export function createAppealsService(ctx: AppContext, deps: { notices: ModerationNotices; sanctions: SanctionsService }) {
  const db = ctx.database.db;

  async function load(id: number): Promise<AppealRow> {
    const row = await findAppeal(db, id);
    if (!row) throw notFound('Appeal not found');
    return row;
  }

  /** Who acted, for a sanction or a decided review item of this member; 404 for anything else. */
  async function appealed(memberId: number, body: AppealBody): Promise<{ actedBy: number | null }> {
    if ((body.sanctionId === undefined) === (body.reviewItemId === undefined)) throw invalid('sanctionId', 'Give either sanctionId or reviewItemId');
    if (body.sanctionId !== undefined) {
      const sanction = await findSanction(db, body.sanctionId);
      if (!sanction || sanction.member_id !== memberId) throw notFound('Sanction not found');
      return { actedBy: sanction.created_by };
    }
    const item = await findQueueItem(db, body.reviewItemId ?? 0);
    if (!item || item.member_id !== memberId || item.post_id === null) throw notFound('Moderation decision not found');
    if (item.status !== 'rejected') throw new AppError('invalid_request', 'Only a decision that hid or removed your post can be appealed', { field: 'reviewItemId' });
    return { actedBy: item.resolved_by };
  }

  return {
    async file(actor: Actor, body: AppealBody): Promise<AppealView> {
      const member = requireMember(actor);
      const { actedBy } = await appealed(member.memberId, body);
      const id = await ctx.database.tx(async (trx) => {
        const created = await insertAppeal(trx, { memberId: member.memberId, sanctionId: body.sanctionId ?? null, reviewItemId: body.reviewItemId ?? null, body: body.body, actedBy });
        if (created === undefined) throw new AppError('already_appealed', 'You already appealed this decision; each one can be appealed once');
        await recordActivity(trx, { memberId: member.memberId, kind: 'appeal.filed', occurredAt: new Date(), props: { appealId: created } });
        return created;
      });
      await deps.notices.toModerators('New appeal', `@${member.username} appealed a moderation decision`, `/moderation/appeals?id=${id}`);
      return present(await load(id));
    },

    async mine(actor: Actor): Promise<{ items: AppealView[] }> {
      const member = requireMember(actor);
      return { items: (await listAppeals(db, { memberId: member.memberId, limit: 100 })).map(present) };
    },

    async list(actor: Actor, query: { status?: AppealView['status']; memberId?: number; limit?: number }): Promise<{ items: AppealView[] }> {
      requireRole(actor, 'moderator', 'Only staff can see appeals');
      const filter = { ...(query.status !== undefined ? { status: query.status } : {}), ...(query.memberId !== undefined ? { memberId: query.memberId } : {}) };
      return { items: (await listAppeals(db, { ...filter, limit: query.limit ?? 50 })).map(present) };
    },

    async get(actor: Actor, id: number): Promise<AppealView> {
      const member = requireMember(actor);
      const row = await load(id);
      if (row.member_id !== member.memberId && member.role === 'member') throw notFound('Appeal not found');
      return present(row);
    },

    async decide(actor: Actor, id: number, body: AppealDecisionBody, ip: string): Promise<AppealView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can decide appeals');
      const appeal = await load(id);
      if (appeal.acted_by === staff.memberId) throw new AppError('own_action', 'Another moderator must decide an appeal of your own action');
      if (appeal.status !== 'pending') throw new AppError('already_decided', 'This appeal was already decided');
      if (body.decision === 'reduce' && body.hours === undefined) throw invalid('hours', 'reduce needs hours');
      const at = new Date();
      const result = await ctx.database.tx(async (trx) => {
        if (!(await decideAppeal(trx, id, { status: statusOf[body.decision], by: staff.memberId, note: body.note, at }))) throw new AppError('already_decided', 'Someone decided this appeal first');
        let change: VisibilityChange | null = null;
        const sanctionIds = appeal.sanction_id !== null ? [appeal.sanction_id] : await sanctionsOfItem(trx, appeal.review_item_id ?? 0);
        if (body.decision === 'overturn') {
          if (appeal.review_item_id !== null && appeal.item_post_id !== null) {
            change = await releasePost(trx, appeal.item_post_id, at);
            await overturnItem(trx, appeal.review_item_id, 'approved', 'overturned');
            await insertLabels(trx, appeal.item_post_id, staff.memberId, [{ kind: 'spam', label: 'ham' }]);
          }
          for (const sanctionId of sanctionIds) await deps.sanctions.liftIn(trx, sanctionId, staff.memberId, ip, 'sanction.lift');
        }
        if (body.decision === 'reduce') for (const sanctionId of sanctionIds) await deps.sanctions.reduceIn(trx, sanctionId, body.hours ?? 1, staff.memberId);
        await insertAudit(trx, {
          actorId: staff.memberId, action: `appeal.${body.decision}`, targetType: 'appeal', targetId: id, reason: body.note,
          before: { status: 'pending', actedBy: appeal.acted_by, sanctionId: appeal.sanction_id, reviewItemId: appeal.review_item_id },
          after: { status: statusOf[body.decision], ...(body.hours !== undefined ? { hours: body.hours } : {}) }, ip,
        });
        const title = body.decision === 'overturn' ? 'Your appeal was accepted' : body.decision === 'reduce' ? 'Your appeal reduced the sanction' : 'Your appeal was declined';
        const written = await deps.notices.write(trx, [{ memberId: appeal.member_id, title, text: body.note, url: `/moderation/mine?appeal=${id}`, actorId: staff.memberId }]);
        return { change, written, sanctioned: sanctionIds.length > 0 };
      });
      await announceVisibility(ctx.bus, result.change);
      await deps.notices.announce(result.written);
      if (result.sanctioned) await ctx.bus.emit('member.credentialsChanged', { memberId: appeal.member_id });
      // An overturn changes a settled queue item's outcome: open queue pages re-read it.
      const item = body.decision === 'overturn' && appeal.review_item_id !== null ? await findQueueItem(db, appeal.review_item_id) : undefined;
      if (item) await ctx.bus.emit('review.changed', { itemId: item.id, kind: item.kind, spaceId: item.space_id, change: 'decided' });
      return present(await load(id));
    },

    async stats(actor: Actor) {
      requireRole(actor, 'admin', 'Only admins can see appeal statistics');
      const rows = await appealStats(db);
      return {
        items: rows.map((r) => {
          const decided = Number(r.decided ?? 0);
          const overturned = Number(r.overturned ?? 0);
          return {
            moderator: { id: r.member_id, username: r.username },
            actions: Number(r.actions ?? 0),
            appeals: Number(r.appeals ?? 0),
            overturned,
            reduced: Number(r.reduced ?? 0),
            overturnRate: decided === 0 ? 0 : overturned / decided,
          };
        }),
      };
    },
  };
}

export type AppealsService = ReturnType<typeof createAppealsService>;
