// The Markdown the Quote button puts into the reply: a blockquote that opens with a link to the quoted
// post. The server reads that link to notify the quoted author (notifications/quotes.rules.ts).
import type { Post } from '../../api/types';

const QUOTE_CHARS_MAX = 1500;

export function quoteMarkdown(post: Pick<Post, 'postNumber' | 'body' | 'author'>, topic: { id: number; slug: string }): string {
  const who = post.author.username ?? post.author.displayName;
  const link = `/t/${encodeURIComponent(topic.slug || 'topic')}/${topic.id}#post-${post.postNumber}`;
  const text = post.body.length > QUOTE_CHARS_MAX ? `${post.body.slice(0, QUOTE_CHARS_MAX).trimEnd()} …` : post.body;
  const lines = text.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
  return `> [@${who} wrote](${link}):\n>\n${lines.join('\n')}\n\n`;
}

