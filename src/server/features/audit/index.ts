// The audit log: an append-only record of every staff and security action.
export { insertAudit, type AuditEntry } from './audit.store';
export { readAuditLog } from './audit.service';
export { registerAuditRoutes } from './audit.routes';
