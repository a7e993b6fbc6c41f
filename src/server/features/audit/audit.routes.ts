import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import type { AppContext } from '../../context';
import { exportAuditLog } from './audit-export.service';
import { AuditExportFile, AuditExportQuery, AuditPage, AuditQuery } from './audit.schema';
import { readAuditLog } from './audit.service';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/admin/audit-log',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Search the audit log, newest first (staff)',
        description: 'Moderators see every entry but those about settings and API keys. `from` and `to` are inclusive.',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses(401, 403) },
      },
    },
    async (request) => readAuditLog(ctx, request.principal, request.query),
  );

  r.get(
    '/api/admin/audit-log/export',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Download the audit log (admins)',
        description:
          'The entries matching the filters, newest first, at most 100,000, streamed as an attachment: CSV (a header row; a cell starting with = + - @ gets a leading \') ' +
          'or JSON lines. The export is itself audited.',
        produces: ['text/csv', 'application/x-ndjson'],
        querystring: AuditExportQuery,
        response: { 200: AuditExportFile, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const file = await exportAuditLog(ctx, request.principal, request.query, request.ip);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(Readable.from(file.chunks));
    },
  );
}
