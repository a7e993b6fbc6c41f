// Renders the small Markdown subset used by guidelines (headings, lists, paragraphs, bold, italics, code, links)
// as elements, never as HTML strings, so text from the server cannot inject markup.
import type { ComponentChildren } from 'preact';

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'ol' | 'ul'; items: string[] } | { kind: 'p'; text: string };

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const listItem = /^(?:(\d+)[.)]|[-*+])\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (listItem) {
      flush();
      const kind = listItem[1] ? 'ol' : 'ul';
      const last = blocks.at(-1);
      if (last && last.kind === kind) last.items.push(listItem[2] ?? '');
      else blocks.push({ kind, items: [listItem[2] ?? ''] });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

const inlinePattern = /(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function renderInline(text: string): ComponentChildren[] {
  return text.split(inlinePattern).map((part, index) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return <code key={index}>{part.slice(1, -1)}</code>;
    if ((part.startsWith('*') && part.endsWith('*')) || (part.startsWith('_') && part.endsWith('_'))) {
      if (part.length > 2) return <em key={index}>{part.slice(1, -1)}</em>;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link && /^https?:\/\//.test(link[2] ?? '')) {
      return (
        <a key={index} href={link[2]} rel="noopener noreferrer nofollow">
          {link[1]}
        </a>
      );
    }
    return part;
  });
}

/** `headingOffset` shifts heading levels so embedded text never competes with the page's own h1. */
export function Markdown({ source, headingOffset = 2 }: { source: string; headingOffset?: number }) {
  return (
    <div class="markdown">
      {parseBlocks(source).map((block, index) => {
        if (block.kind === 'heading') {
          const level = Math.min(6, block.level + headingOffset);
          const Heading = `h${level}` as 'h3';
          return <Heading key={index}>{renderInline(block.text)}</Heading>;
        }
        if (block.kind === 'p') return <p key={index}>{renderInline(block.text)}</p>;
        const List = block.kind;
        return (
          <List key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{renderInline(item)}</li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
