import type { Queryable } from '../../platform/db/database';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: string | number | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function insertAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId === null ? null : String(entry.targetId),
      reason: entry.reason ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    })
    .execute();
}

export async function listAudit(db: Queryable, options: { limit: number; beforeId: number | undefined; action: string | undefined }) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.member_id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.actor_id', 'accounts.username as actor_username', 'audit_log.action', 'audit_log.target_type', 'audit_log.target_id', 'audit_log.reason', 'audit_log.before', 'audit_log.after', 'audit_log.at'])
    .orderBy('audit_log.id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId !== undefined) query = query.where('audit_log.id', '<', options.beforeId);
  if (options.action !== undefined) query = query.where('audit_log.action', '=', options.action);
  return query.execute();
}
