// Input the database refuses although the schemas let it through: the NUL character (U+0000, which
// PostgreSQL text cannot hold) and numbers or dates beyond its ranges. The error handler answers such
// database errors 400 instead of 500 (the transaction has rolled back, nothing was written), naming
// the field that holds a NUL when there is one. Checking every request up front would cost the hot
// read path a hook; the database check is free.
import type { FastifyRequest } from 'fastify';

/** PostgreSQL error codes caused by a value the caller sent. */
const inputErrors: Record<string, string> = {
  '22021': 'Text must not contain the NUL character (U+0000)',
  '22P05': 'Text must not contain the NUL character (U+0000)',
  '22003': 'A number is out of range',
  '22008': 'A date is out of range',
};

/** The dotted path of the first string holding U+0000, or undefined. */
export function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key) ?? (key.includes('\u0000') ? key : undefined);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** 400's message and field for a database error that bad input caused, or undefined for any other error. */
export function inputProblem(error: unknown, request: FastifyRequest): { message: string; field: string | undefined } | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const message = inputErrors[code];
  if (message === undefined) return undefined;
  return { message, field: code === '22003' || code === '22008' ? undefined : (nulPath(request.body) ?? nulPath(request.query)) };
}
