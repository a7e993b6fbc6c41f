// Reading the audit log (admins only).
import type { Static } from '@sinclair/typebox';
import { decodeCursor, pageOf } from '../../platform/http/cursor';
import { requireRole, type Actor } from '../../platform/http/principal';
import type { AppContext } from '../../context';
import type { AuditPage, AuditQuery } from './audit.schema';
import { listAudit } from './audit.store';

export async function readAuditLog(ctx: AppContext, actor: Actor, query: Static<typeof AuditQuery>): Promise<Static<typeof AuditPage>> {
  requireRole(actor, 'admin', 'Only admins can read the audit log');
  const limit = query.limit ?? 20;
  const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
  const rows = await listAudit(ctx.database.db, { limit, beforeId: beforeId as number | undefined, action: query.action });
  const page = pageOf(rows, limit, (r) => [r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      reason: r.reason,
      before: r.before,
      after: r.after,
      at: r.at.toISOString(),
    })),
  };
}

