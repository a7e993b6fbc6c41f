// Pure decisions for feeds: the start of a "top" period, what counts as new, and the Atom document.
import type { FeedPeriod } from './feeds.schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const periodDays: Record<FeedPeriod, number> = { day: 1, week: 7, month: 30, year: 365 };

export function periodStart(period: FeedPeriod, now: Date): Date {
  return new Date(now.getTime() - periodDays[period] * DAY_MS);
}

/** How long a topic the member never opened stays "new" (Discourse's default). */
export const NEW_TOPIC_DAYS = 14;

/** Topics created from this moment on may be new to the member: the window, and never before they joined. */
export function newTopicsSince(joinedAt: Date, now: Date): Date {
  const windowStart = new Date(now.getTime() - NEW_TOPIC_DAYS * DAY_MS);
  return joinedAt > windowStart ? joinedAt : windowStart;
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML, dropping the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- these characters are exactly what XML forbids
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  author: string;
  published: Date;
  updated: Date;
  categories: readonly string[];
  html: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  link: string;
  self: string;
  updated: Date;
  entries: readonly AtomEntry[];
}

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    `    <author><name>${escapeXml(e.author)}</name></author>`,
    `    <published>${e.published.toISOString()}</published>`,
    `    <updated>${e.updated.toISOString()}</updated>`,
    ...e.categories.map((c) => `    <category term="${escapeXml(c)}"/>`),
    `    <content type="html">${escapeXml(e.html)}</content>`,
    '  </entry>',
  ].join('\n');
}

export function atomXml(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    '  <generator>Hearth</generator>',
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
