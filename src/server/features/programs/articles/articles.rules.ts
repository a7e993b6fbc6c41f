// Pure decisions for knowledge-base articles: the table of contents from an article's rendered HTML,
// whether an article needs a review, the helpful share, and the orders an article list can take.

export interface TocEntry {
  level: number;
  text: string;
  anchor: string;
}

const HEADING = /<h([1-6]) id="(h-[^"<>]{1,80})">([\s\S]*?)<\/h\1>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/** The text of an HTML fragment: tags dropped, the entities our sanitizer writes decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The headings of a post's stored HTML that carry an id (posts rendered since headings got ids; older
 * ones have none until they are edited), in document order.
 */
export function tableOfContents(html: string): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const match of html.matchAll(HEADING)) {
    const text = textOf(match[3] ?? '');
    if (text === '') continue;
    entries.push({ level: Number(match[1]), anchor: match[2] ?? '', text: text.slice(0, 200) });
  }
  return entries.slice(0, 100);
}

const DAY_MS = 86_400_000;

/** Never reviewed, or reviewed longer ago than the setting's number of days. */
export function needsReview(lastReviewedAt: Date | null, now: Date, reviewDays: number): boolean {
  if (!lastReviewedAt) return true;
  return now.getTime() - lastReviewedAt.getTime() > reviewDays * DAY_MS;
}

/** Share of "yes" answers (0–1, two decimals), or null without answers. */
export function helpfulShare(yes: number, no: number): number | null {
  const total = yes + no;
  return total === 0 ? null : Math.round((yes / total) * 100) / 100;
}

export type ArticleSort = 'title' | 'reviewed' | 'helpful';

export interface SortableArticle {
  id: number;
  title: string;
  lastReviewedAt: string | null;
  helpfulShare: number | null;
  helpful: { yes: number; no: number };
}

/**
 * title: A→Z; reviewed: the longest unreviewed first (never reviewed before all), so the list reads as a
 * review queue; helpful: the highest share first, more answers breaking ties, unanswered last.
 */
export function sortArticles<T extends SortableArticle>(items: readonly T[], sort: ArticleSort): T[] {
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.id - b.id;
  const copy = [...items];
  if (sort === 'title') return copy.sort(byTitle);
  if (sort === 'reviewed') {
    const time = (a: T) => (a.lastReviewedAt === null ? -Infinity : Date.parse(a.lastReviewedAt));
    return copy.sort((a, b) => time(a) - time(b) || byTitle(a, b));
  }
  const share = (a: T) => a.helpfulShare ?? -1;
  return copy.sort((a, b) => share(b) - share(a) || b.helpful.yes + b.helpful.no - (a.helpful.yes + a.helpful.no) || byTitle(a, b));
}
