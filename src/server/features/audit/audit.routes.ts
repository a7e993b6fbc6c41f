import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import type { AppContext } from '../../context';
import { AuditPage, AuditQuery } from './audit.schema';
import { readAuditLog } from './audit.service';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/admin/audit-log',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Read the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses(401, 403) },
      },
    },
    async (request) => readAuditLog(ctx, request.principal, request.query),
  );
}
