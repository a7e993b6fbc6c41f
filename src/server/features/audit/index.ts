// The audit log: an append-only record of every staff and security action, searchable by staff,
// exportable by admins, and counted in public on the transparency page when the site enables it.
export { insertAudit, type AuditEntry } from './audit.store';
export { readAuditLog } from './audit.service';
export { registerAuditRoutes } from './audit.routes';
export { createTransparencyService, type TransparencyService } from './transparency.service';
export { registerTransparencyRoutes } from './transparency.routes';
