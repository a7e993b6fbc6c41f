// Quotes: the composer's Quote button writes a blockquote that opens with a link to the quoted post,
// `> [@alice wrote](/t/slug/12#post-3):`. Links of that form inside a blockquote name the quoted posts.

export interface QuotedPost {
  topicId: number;
  postNumber: number;
}

/** More quoted posts than this in one post notify nobody beyond the first ones. */
export const QUOTES_MAX = 10;

const QUOTE_LINK = /\]\(\/t\/[^/\s)]*\/([1-9]\d{0,15})#post-([1-9]\d{0,8})\)/g;

/** The posts a Markdown text quotes, each once, in order of appearance. Fenced code does not count. */
export function quotedPosts(markdown: string): QuotedPost[] {
  const found = new Map<string, QuotedPost>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === null) fence = marker[0] ?? null;
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null || !/^\s{0,3}>/.test(line)) continue;
    for (const match of line.matchAll(QUOTE_LINK)) {
      const topicId = Number(match[1]);
      const postNumber = Number(match[2]);
      if (Number.isSafeInteger(topicId)) found.set(`${topicId}:${postNumber}`, { topicId, postNumber });
      if (found.size >= QUOTES_MAX) return [...found.values()];
    }
  }
  return [...found.values()];
}
