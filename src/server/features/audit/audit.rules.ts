// Pure rules of the audit log: who reads which entries, search patterns, and CSV cells that are safe to
// open in a spreadsheet.
import type { Role } from '../../platform/db/schema';

/** Entries only admins read: site settings and API keys. */
export const adminOnlyPrefixes = ['settings.', 'apiKey.'] as const;

export const auditExportCap = 100_000;

export function hiddenPrefixesFor(role: Role): readonly string[] {
  return role === 'admin' ? [] : adminOnlyPrefixes;
}

export function isVisibleTo(role: Role, action: string): boolean {
  return !hiddenPrefixesFor(role).some((p) => action.startsWith(p));
}

/** Escapes LIKE wildcards (and the escape character) so the text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** "Contains, case-insensitively" as an ILIKE pattern. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** "Starts with" as a LIKE pattern. */
export function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula starts defused with a quote, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line ending (RFC 4180). */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Before/after JSON as one compact text cell; null stays empty. */
export function jsonCell(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
