// Guidelines sections: what a moderator cites. A section is a heading (## …) or a list item that opens
// with a bold title (1. **Be kind.** …); its id is the title's slug.

export interface GuidelineSection {
  id: string;
  title: string;
}

const HEADING = /^#{2,6}\s+(.+?)\s*#*\s*$/;
const BOLD_ITEM = /^\s{0,3}(?:\d+[.)]|[-*+])\s+\*\*(.+?)\*\*/;

export function sectionId(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function guidelineSections(markdown: string): GuidelineSection[] {
  const sections: GuidelineSection[] = [];
  const seen = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = HEADING.exec(line) ?? BOLD_ITEM.exec(line);
    const title = match?.[1]?.replace(/[.:]\s*$/, '').trim();
    if (!title) continue;
    const id = sectionId(title);
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    sections.push({ id, title });
  }
  return sections;
}
