// Plain-text excerpts of posts for lists (bookmarks, a member's posts), made from the sanitized HTML.

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(Number.parseInt(name.slice(2), 16), entity);
  if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10), entity);
  return named[name] ?? entity;
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Tags that end a line or a cell: they part words. Inline ones (em, a, code …) sit inside words and sentences. */
const BREAKING_TAG = /<\/?(?:p|br|hr|li|ul|ol|div|h[1-6]|pre|blockquote|table|thead|tbody|tr|td|th|details|summary|figure|figcaption)\b[^>]*>/gi;

/** The text of the HTML (tags dropped, entities decoded, white space collapsed), cut at `max` characters with an ellipsis. */
export function plainExcerpt(html: string, max = 200): string {
  const text = html
    .replace(BREAKING_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
