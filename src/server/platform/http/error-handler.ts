// One place turns every failure into {"error":{code,message,field?,requestId}}. 5xx details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inputProblem } from './input-errors';
import { AppError, type ErrorCode } from '../errors';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function describeValidation(issues: ValidationIssue[], context: string | undefined): { field: string; message: string } {
  const issue = issues[0];
  if (!issue) return { field: context ?? 'body', message: 'The request is not valid' };
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = typeof issue.params.missingProperty === 'string' ? issue.params.missingProperty : undefined;
  const extra = typeof issue.params.additionalProperty === 'string' ? issue.params.additionalProperty : undefined;
  const field = [path, missing ?? extra].filter(Boolean).join('.') || context || 'body';
  if (missing) return { field, message: `${field} is required` };
  if (extra) return { field, message: `${field} is not an accepted field` };
  return { field, message: `${field} ${issue.message ?? 'is not valid'}` };
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
};

function fromStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'service_unavailable';
  return 'invalid_request';
}

export function sendError(reply: FastifyReply, request: FastifyRequest, status: number, code: ErrorCode, message: string, field?: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(field ? { field } : {}), requestId: String(request.id) } });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(reply, request, error.status, error.code, error.message, error.field);
    }
    if (error.validation) {
      const { field, message } = describeValidation(error.validation, error.validationContext);
      return sendError(reply, request, 400, 'invalid_request', message, field);
    }
    const refused = inputProblem(error, request);
    if (refused) {
      request.log.warn({ err: error }, 'the database refused a value the request sent');
      return sendError(reply, request, 400, 'invalid_request', refused.message, refused.field);
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = frameworkCodes[error.code] ?? fromStatus(status);
      const message = code === 'payload_too_large' ? 'The request body is larger than 1 MB' : error.message;
      return sendError(reply, request, status, code, message);
    }
    request.log.error({ err: error }, 'request failed');
    const code: ErrorCode = status === 503 ? 'service_unavailable' : 'internal_error';
    return sendError(reply, request, status === 503 ? 503 : 500, code, 'Something went wrong on our side; the request id identifies it in the log');
  });
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, request, 404, 'route_not_found', `No route for ${request.method} ${request.url.split('?')[0]}`);
}
