// Posting limits per trust level as plain decisions: links and images in a post, topics and replies a
// day, time between posts. Links and images are counted in the rendered HTML, so exactly what the
// renderer links (Markdown links, autolinks, bare URLs) counts, and nothing inside code.
import type { SiteSettings } from '../../settings';

export type TrustLevelLimits = SiteSettings['trustLevelLimits'];
export type TrustLimits = TrustLevelLimits['tl0'];

const DAY_SECONDS = 86_400;

/** The limits that apply at a trust level (tl2 covers 2 and above). */
export function limitsFor(trustLevel: number, limits: TrustLevelLimits): TrustLimits {
  if (trustLevel <= 0) return limits.tl0;
  return trustLevel === 1 ? limits.tl1 : limits.tl2;
}

/** Whether any limit needs the author's recent posts (so they need not be read otherwise). */
export function needsHistory(limits: TrustLimits): boolean {
  return limits.topicsPerDay !== null || limits.repliesPerDay !== null || limits.secondsBetweenPosts !== null;
}

const EXTERNAL_LINK = /<a\s[^>]*href="https?:\/\//gi;
const IMAGE = /<img\s/gi;

/** Links to other sites and images in sanitized post HTML (mentions link inside the site and do not count). */
export function contentCounts(html: string): { links: number; images: number } {
  return { links: html.match(EXTERNAL_LINK)?.length ?? 0, images: html.match(IMAGE)?.length ?? 0 };
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** Why the post's content is over the level's limits, or null. */
export function contentRefusal(trustLevel: number, limits: TrustLimits, counts: { links: number; images: number }): string | null {
  const level = `At trust level ${Math.min(trustLevel, 2)}`;
  if (limits.linksPerPost !== null && counts.links > limits.linksPerPost) {
    return `${level} a post may have at most ${plural(limits.linksPerPost, 'link')}; this one has ${counts.links}`;
  }
  if (limits.imagesPerPost !== null && counts.images > limits.imagesPerPost) {
    return `${level} a post may have at most ${plural(limits.imagesPerPost, 'image')}; this one has ${counts.images}`;
  }
  return null;
}

/** The author's posts of the last 24 hours, held and deleted ones included. */
export interface RecentPosting {
  /** Times (epoch ms) of the topics and of the replies they started in the last 24 h. */
  topics: number[];
  replies: number[];
  /** Their latest post of any kind, or null. */
  lastPostAt: number | null;
}

/** Why the author must wait before this post, with how long (seconds), or null. */
export function rateRefusal(trustLevel: number, limits: TrustLimits, kind: 'topic' | 'reply', recent: RecentPosting, at: number): { message: string; retryAfter: number } | null {
  const level = `At trust level ${Math.min(trustLevel, 2)}`;
  const gap = limits.secondsBetweenPosts;
  if (gap !== null && recent.lastPostAt !== null && at - recent.lastPostAt < gap * 1000) {
    const wait = Math.max(1, Math.ceil((recent.lastPostAt + gap * 1000 - at) / 1000));
    return { message: `${level} you can post once every ${plural(gap, 'second')}; try again in ${plural(wait, 'second')}`, retryAfter: wait };
  }
  const perDay = kind === 'topic' ? limits.topicsPerDay : limits.repliesPerDay;
  const times = kind === 'topic' ? recent.topics : recent.replies;
  const inDay = times.filter((t) => t > at - DAY_SECONDS * 1000).sort((a, b) => a - b);
  if (perDay !== null && inDay.length >= perDay) {
    // The post that must leave the window before another fits.
    const oldest = inDay[inDay.length - perDay] ?? at;
    const wait = Math.max(1, Math.ceil((oldest + DAY_SECONDS * 1000 - at) / 1000));
    const what = kind === 'topic' ? plural(perDay, 'new topic') : plural(perDay, 'reply', 'replies');
    return { message: `${level} you can post at most ${what} in 24 hours; try again in ${Math.ceil(wait / 60)} min`, retryAfter: wait };
  }
  return null;
}
