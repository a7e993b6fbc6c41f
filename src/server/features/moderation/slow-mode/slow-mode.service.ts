// Slow mode: staff limit how often each member may post in a heated topic (the post gate enforces it).
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { SlowModeBody, SlowModeView } from './slow-mode.schema';
import { setSlowMode, topicSlowMode } from './slow-mode.store';

export function createSlowModeService(ctx: AppContext) {
  const db = ctx.database.db;
  return {
    async set(actor: Actor, topicId: number, body: SlowModeBody, ip: string | null): Promise<SlowModeView> {
      const staff = requireRole(actor, 'moderator', 'Only moderators and admins can set slow mode');
      const topic = await topicSlowMode(db, topicId);
      if (!topic) throw notFound('Topic not found');
      if (topic.slow_mode_seconds === body.seconds) return { topicId, slowModeSeconds: body.seconds };
      await ctx.database.tx(async (trx) => {
        await setSlowMode(trx, topicId, body.seconds);
        await insertAudit(trx, { actorId: staff.memberId, action: 'topic.slowMode', targetType: 'topic', targetId: topicId, before: { seconds: topic.slow_mode_seconds }, after: { seconds: body.seconds }, ip });
      });
      // Cached topic views show slowModeSeconds.
      await ctx.bus.emit('topic.updated', { topicId, spaceId: topic.space_id });
      return { topicId, slowModeSeconds: body.seconds };
    },
  };
}

export type SlowModeService = ReturnType<typeof createSlowModeService>;
