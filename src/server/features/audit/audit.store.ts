import type { Queryable } from '../../platform/db/database';
import { containsPattern, startsWithPattern } from './audit.rules';

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

/** What to search for; every field narrows the result. */
export interface AuditSearch {
  action?: string | undefined;
  q?: string | undefined;
  actorId?: number | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Leaves out actions starting with these (entries the reader may not see). */
  hidePrefixes: readonly string[];
}

/** Entries matching the search with their actor's username, newest first, before the given id. */
function searchAudit(db: Queryable, s: AuditSearch, beforeId: number | undefined) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('accounts', 'accounts.member_id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.actor_id', 'accounts.username as actor_username', 'audit_log.action', 'audit_log.target_type', 'audit_log.target_id', 'audit_log.reason', 'audit_log.before', 'audit_log.after', 'audit_log.at'])
    .orderBy('audit_log.id', 'desc');
  if (beforeId !== undefined) query = query.where('audit_log.id', '<', beforeId);
  if (s.action !== undefined) query = query.where('audit_log.action', '=', s.action);
  if (s.actorId !== undefined) query = query.where('audit_log.actor_id', '=', s.actorId);
  if (s.targetType !== undefined) query = query.where('audit_log.target_type', '=', s.targetType);
  if (s.targetId !== undefined) query = query.where('audit_log.target_id', '=', s.targetId);
  if (s.from !== undefined) query = query.where('audit_log.at', '>=', s.from);
  if (s.to !== undefined) query = query.where('audit_log.at', '<=', s.to);
  for (const prefix of s.hidePrefixes) query = query.where('audit_log.action', 'not like', startsWithPattern(prefix));
  const q = s.q;
  if (q !== undefined) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.action', 'ilike', pattern),
        eb('audit_log.target_type', 'ilike', pattern),
        eb('audit_log.target_id', 'ilike', pattern),
        eb('audit_log.reason', 'ilike', pattern),
        eb('accounts.username', 'ilike', pattern),
      ]),
    );
  }
  return query;
}

/** One page, newest first; one more than `limit`. */
export async function listAudit(db: Queryable, search: AuditSearch, page: { limit: number; beforeId: number | undefined }) {
  return searchAudit(db, search, page.beforeId).limit(page.limit + 1).execute();
}

/** One batch of an export, newest first, before the given id. */
export async function auditBatch(db: Queryable, search: AuditSearch, beforeId: number | undefined, limit: number) {
  return searchAudit(db, search, beforeId).limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
