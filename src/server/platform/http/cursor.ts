// Opaque keyset cursors: base64url JSON of the last row's sort key.
import { AppError } from '../errors';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Numbers are ids, counts or scores: finite and within what the database's bigint and JavaScript hold exactly.
    const fits = (v: unknown, i: number): boolean => typeof v === shape[i] && (typeof v !== 'number' || (Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER));
    if (Array.isArray(value) && value.length === shape.length && value.every(fits)) {
      return value as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid_request', 'cursor is not valid', { field: 'cursor' });
}

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A (timestamp, id) keyset cursor, as pageOf() writes it for lists sorted by time; 400 on anything else. */
export function decodeTimeCursor(cursor: string | undefined): { at: Date; id: number } | undefined {
  const key = decodeCursor(cursor, ['string', 'number']);
  if (!key) return undefined;
  const at = new Date(String(key[0]));
  const id = Number(key[1]);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 1 || year > 9999 || !Number.isSafeInteger(id) || id < 0) {
    throw new AppError('invalid_request', 'cursor is not valid', { field: 'cursor' });
  }
  return { at, id };
}
