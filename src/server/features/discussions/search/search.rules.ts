// Pure helpers for search: HTML-safe snippets from ts_headline output.

/** Private-use characters ts_headline puts around matches; stripped from the text before highlighting. */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Escapes everything, then turns our own markers (and only them) into <mark> tags. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(MARK_START, '<mark>').replaceAll(MARK_STOP, '</mark>');
}

/** A date bound from the query: a bare date means the start of that day (UTC); undefined when not a date. */
export function parseDateBound(value: string): Date | undefined {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
