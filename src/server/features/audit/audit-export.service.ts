// Exporting the audit log (admins): the search's entries as CSV or JSON lines, read in batches and
// streamed, at most auditExportCap of them. The export itself is audited.
import type { AppContext } from '../../context';
import type { Queryable } from '../../platform/db/database';
import { requireRole, type Actor } from '../../platform/http/principal';
import { auditExportCap, csvLine, jsonCell } from './audit.rules';
import type { AuditExportQuery } from './audit.schema';
import { auditSearchOf, presentAuditEntry } from './audit.service';
import { auditBatch, insertAudit, type AuditRow, type AuditSearch } from './audit.store';

const BATCH = 1000;
const CSV_HEADER = ['id', 'at', 'actor_id', 'actor_username', 'action', 'target_type', 'target_id', 'reason', 'before', 'after'];

export interface AuditExport {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<string>;
}

function csvRecord(r: AuditRow): string {
  return csvLine([r.id, r.at.toISOString(), r.actor_id, r.actor_username, r.action, r.target_type, r.target_id, r.reason, jsonCell(r.before), jsonCell(r.after)]);
}

function jsonRecord(r: AuditRow): string {
  return `${JSON.stringify(presentAuditEntry(r))}\n`;
}

/** The matching rows, newest first, one text chunk per batch. */
async function* chunksOf(db: Queryable, search: AuditSearch, header: string, record: (r: AuditRow) => string): AsyncGenerator<string> {
  if (header !== '') yield header;
  let beforeId: number | undefined;
  let sent = 0;
  while (sent < auditExportCap) {
    const limit = Math.min(BATCH, auditExportCap - sent);
    const rows = await auditBatch(db, search, beforeId, limit);
    if (rows.length > 0) yield rows.map(record).join('');
    sent += rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < limit || last === undefined) return;
    beforeId = last.id;
  }
}

export async function exportAuditLog(ctx: AppContext, actor: Actor, query: AuditExportQuery, ip: string | null): Promise<AuditExport> {
  const admin = requireRole(actor, 'admin', 'Only admins can export the audit log');
  const search = auditSearchOf(query, admin);
  const format = query.format ?? 'csv';
  const { format: _format, ...filters } = query;
  await insertAudit(ctx.database.db, { actorId: admin.memberId, action: 'audit.export', targetType: 'audit_log', targetId: null, after: { format, filters }, ip });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const db = ctx.database.db;
  return format === 'csv'
    ? { filename: `audit-log-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', chunks: chunksOf(db, search, csvLine(CSV_HEADER), csvRecord) }
    : { filename: `audit-log-${stamp}.jsonl`, contentType: 'application/x-ndjson; charset=utf-8', chunks: chunksOf(db, search, '', jsonRecord) };
}
