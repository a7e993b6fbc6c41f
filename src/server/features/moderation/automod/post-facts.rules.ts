// What automod knows about a post, and the helpers that derive it from the Markdown body.
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { AutomodRuleInput } from './automod.schema';

export interface PostFacts {
  /** Raw Markdown. */
  text: string;
  /** Hostnames of the links in the post, lower-case, one per link (see linkHosts). */
  links: string[];
  /** Distinct @mentions (see mentionCount). */
  mentions: number;
  spaceId: number;
  author: { trustLevel: number; accountAgeHours: number; postCount: number };
  /** Epoch ms of the author's posts in the last 24 h, excluding this one. */
  recentPostTimes: number[];
  /** The author's posts in the last 24 h (textHash of each), excluding this one. */
  recentTextHashes: { hash: string; at: number }[];
  /** Epoch ms of this post. */
  at: number;
  /** Classifier output: label → probability. */
  scores: { spam?: Record<string, number>; abuse?: Record<string, number> };
  /** textHash(text), when the caller has it already; computed on demand otherwise. */
  hash?: string;
}

// Code blocks and code spans are not rendered as links or mentions, so they count for neither.
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const INLINE_CODE = /(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

/** The Markdown with fenced code blocks (to their closing fence or the end) and code spans blanked out. */
export function withoutCode(markdown: string): string {
  if (!markdown.includes('`') && !markdown.includes('~~~')) return markdown;
  const kept: string[] = [];
  let open = '';
  for (const line of markdown.split('\n')) {
    const fence = FENCE.exec(line);
    const marker = fence?.[1] ?? '';
    const rest = fence?.[2] ?? '';
    if (open) {
      if (marker.startsWith(open) && rest.trim() === '') open = '';
      kept.push('');
    } else if (fence && !(marker.startsWith('`') && rest.includes('`'))) {
      open = marker;
      kept.push('');
    } else kept.push(line);
  }
  return kept.join('\n').replace(INLINE_CODE, ' ');
}

// http(s) URLs: bare, in autolinks <…> and as Markdown link destinations (…). The renderer links
// nothing else (no scheme-less www. links), and the sanitizer keeps no other scheme.
const URL_AUTHORITY = /(?<![\w+.-])https?:\/\/([^\s/?#<>()[\]{}"'`\\]+)/gi;
const HOST_START = /^[\p{L}\p{N}._-]+/u;

/** Hostnames of the links in a Markdown body, lower-case, one per link, outside code. */
export function linkHosts(markdown: string): string[] {
  const hosts: string[] = [];
  if (!markdown.includes('://')) return hosts;
  for (const match of withoutCode(markdown).matchAll(URL_AUTHORITY)) {
    const authority = match[1] ?? '';
    const hostPart = HOST_START.exec(authority.slice(authority.lastIndexOf('@') + 1))?.[0] ?? '';
    const host = toAsciiHost(hostPart.replace(/^\.+|\.+$/g, '').toLowerCase());
    if (host) hosts.push(host);
  }
  return hosts;
}

function toAsciiHost(host: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(host) ? host : domainToASCII(host);
}

// An @ not after a letter, digit or one of _ . - / @ (so e-mail addresses and URLs do not count),
// then a username: 2–30 of letters, digits, _ . -, starting and ending with a letter, digit or _.
const MENTION = /(?<![A-Za-z0-9_.\-/@])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,28}(?<=[A-Za-z0-9_]))(?![A-Za-z0-9_])/g;

/** The number of distinct @usernames mentioned outside code (a repeated mention pings once). */
export function mentionCount(markdown: string): number {
  if (!markdown.includes('@')) return 0;
  const names = new Set<string>();
  for (const match of withoutCode(markdown).matchAll(MENTION)) {
    const name = match[1];
    if (name !== undefined && name.length >= 2) names.add(name.toLowerCase());
  }
  return names.size;
}

/** The text as compared for duplicates: lower-case, no punctuation or symbols, single spaces. */
export function normalizeText(markdown: string): string {
  return markdown
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short stable hash of the normalized text (16 hex digits of SHA-256), to spot repeated posts. */
export function textHash(markdown: string): string {
  return createHash('sha256').update(normalizeText(markdown)).digest('hex').slice(0, 16);
}

/** The hash of a post with no words at all, which is never a duplicate. */
export const EMPTY_TEXT_HASH = textHash('');

/** Which facts a set of rules reads, so the gate and dry-runs derive only those. */
export interface FactNeeds {
  links: boolean;
  mentions: boolean;
  history: boolean;
  hashes: boolean;
  scores: boolean;
}

export function factNeeds(rules: readonly AutomodRuleInput[]): FactNeeds {
  const types = new Set(rules.flatMap((r) => r.conditions.map((c) => c.type)));
  return { links: types.has('links'), mentions: types.has('mentions'), history: types.has('rate') || types.has('duplicate'), hashes: types.has('duplicate'), scores: types.has('classifier') };
}
