// Reading the audit log: staff search it (moderators see all but the settings and API key entries).
import { invalid } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/http/cursor';
import { requireRole, type Actor } from '../../platform/http/principal';
import type { AppContext } from '../../context';
import { hiddenPrefixesFor } from './audit.rules';
import type { AuditEntryView, AuditFilters, AuditPage, AuditQuery } from './audit.schema';
import { listAudit, type AuditRow, type AuditSearch } from './audit.store';

function time(field: 'from' | 'to', value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid(field, `${field} is not a valid time`);
  return at;
}

/** The filters as a store search for this reader; 400 when from is after to. */
export function auditSearchOf(filters: AuditFilters, reader: { role: 'member' | 'moderator' | 'admin' }): AuditSearch {
  const from = time('from', filters.from);
  const to = time('to', filters.to);
  if (from && to && from.getTime() > to.getTime()) throw invalid('to', 'to is before from');
  const q = filters.q?.trim();
  return {
    action: filters.action,
    q: q === '' ? undefined : q,
    actorId: filters.actorId,
    targetType: filters.targetType,
    targetId: filters.targetId,
    from,
    to,
    hidePrefixes: hiddenPrefixesFor(reader.role),
  };
}

export function presentAuditEntry(r: AuditRow): AuditEntryView {
  return {
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
  };
}

export async function readAuditLog(ctx: AppContext, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  const reader = requireRole(actor, 'moderator', 'Only staff can read the audit log');
  const limit = query.limit ?? 20;
  const [beforeId] = decodeCursor(query.cursor, ['number']) ?? [];
  const rows = await listAudit(ctx.database.db, auditSearchOf(query, reader), { limit, beforeId: beforeId as number | undefined });
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { nextCursor: page.nextCursor, items: page.items.map(presentAuditEntry) };
}
