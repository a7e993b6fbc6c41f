// @username mentions: found in Markdown outside code and links, and rendered as links to /u/username.
import MarkdownIt, { type MarkdownIt as MarkdownParser, type StateCore, type Token } from 'markdown-it';

/** More distinct mentions than this in one post is refused (a mass ping is not a conversation). */
export const MENTIONS_MAX = 20;

// A username (2–30 of letters, digits, _ . -, starting and ending with a letter, digit or _) after
// an @ that does not follow a letter, digit or one of _ . - / @ (so e-mail addresses do not count).
const MENTION = /(^|[^A-Za-z0-9_.\-/@])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?)/g;

interface Piece {
  text: string;
  username?: string;
}

/** Splits text into plain pieces and mentions, in order. */
export function splitMentions(text: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of text.matchAll(MENTION)) {
    const username = match[2];
    if (username === undefined || username.length < 2) continue;
    const at = match.index + (match[1] ?? '').length;
    if (at > from) pieces.push({ text: text.slice(from, at) });
    pieces.push({ text: `@${username}`, username });
    from = at + 1 + username.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}

/** Every text token outside links, in document order (code spans and blocks are never text tokens). */
function plainTexts(tokens: readonly Token[]): { children: Token[]; index: number }[] {
  const found: { children: Token[]; index: number }[] = [];
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    let linkDepth = 0;
    children.forEach((token, index) => {
      if (token.type === 'link_open') linkDepth++;
      else if (token.type === 'link_close') linkDepth--;
      else if (token.type === 'text' && linkDepth === 0) found.push({ children, index });
    });
  }
  return found;
}

const parser = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The distinct usernames mentioned in a Markdown body, lower-cased, in order of first mention. */
export function extractMentions(markdown: string): string[] {
  const names = new Set<string>();
  for (const { children, index } of plainTexts(parser.parse(markdown, {}))) {
    for (const piece of splitMentions(children[index]?.content ?? '')) if (piece.username) names.add(piece.username.toLowerCase());
  }
  return [...names];
}

/** markdown-it plugin: mentions become `<a class="mention" href="/u/name">@name</a>`. */
export function mentionLinks(md: MarkdownParser): void {
  md.core.ruler.push('mentions', (state: StateCore) => {
    // Back to front, so that splicing does not move the tokens still to visit.
    for (const { children, index } of plainTexts(state.tokens).reverse()) {
      const token = children[index];
      if (!token) continue;
      const pieces = splitMentions(token.content);
      if (!pieces.some((p) => p.username)) continue;
      const replacement: Token[] = [];
      for (const piece of pieces) {
        if (!piece.username) {
          const text = new state.Token('text', '', 0);
          text.content = piece.text;
          replacement.push(text);
          continue;
        }
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', `/u/${encodeURIComponent(piece.username)}`], ['class', 'mention']];
        const text = new state.Token('text', '', 0);
        text.content = piece.text;
        replacement.push(open, text, new state.Token('link_close', 'a', -1));
      }
      children.splice(index, 1, ...replacement);
    }
  });
}
