// Shared payload schemas: the error body, ids, pagination. One TypeBox schema gives validation,
// the TypeScript type and the OpenAPI document.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { errorCodes, type ErrorCode } from '../errors';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(
        (Object.keys(errorCodes) as ErrorCode[]).map((code) => Type.Literal(code)),
        { description: 'Stable, machine-readable error code' },
      ),
      message: Type.String({ description: 'Human-readable explanation' }),
      field: Type.Optional(Type.String({ description: 'The input field at fault, when there is one' })),
      requestId: Type.String({ description: 'Quote it when reporting a problem' }),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);
export type ErrorBodyType = Static<typeof ErrorBody>;

const statusText: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in or bad credentials',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  422: 'Refused by moderation',
  429: 'Rate limited (see Retry-After)',
  503: 'Service unavailable',
};

/** Error responses a route can give; 400 and 429 are added to every route by default. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const all = new Set([400, 429, ...statuses]);
  const responses: Record<number, TSchema> = {};
  for (const status of all) {
    const codes = (Object.keys(errorCodes) as ErrorCode[]).filter((code) => errorCodes[code] === status);
    responses[status] = Type.Ref(ErrorBody, { description: `${statusText[status] ?? 'Error'}: ${codes.join(', ')}` });
  }
  return responses;
}

export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const NoContent = Type.Null({ description: 'No content' });

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
