// Topic and space rows → complete HTML for guests, search engines and readers without JavaScript.
// Everything is escaped here except post HTML, which was sanitized when the post was written.
import type { HtmlPage } from '../../../platform/http/web';
import type { PostView } from '../posts/posts.schema';
import type { TopicDetail, TopicView } from '../topics/topics.schema';

const DESCRIPTION_MAX = 200;

/** What the pages show of a space. */
export interface PageSpace {
  id: number;
  name: string;
  slug: string;
  description: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of sanitized HTML: tags dropped, entities decoded, white space collapsed, cut at `max`. */
export function textOf(html: string, max = DESCRIPTION_MAX): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

interface Meta {
  title: string;
  description: string;
  url: string;
  type: 'article' | 'website';
  noindex: boolean;
}

function headTags(meta: Meta): string {
  const tags = [
    `<link rel="canonical" href="${escapeHtml(meta.url)}">`,
    `<meta name="description" content="${escapeHtml(meta.description)}">`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}">`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}">`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}">`,
    `<meta property="og:type" content="${meta.type}">`,
    ...(meta.noindex ? ['<meta name="robots" content="noindex">'] : []),
  ];
  return tags.map((t) => `    ${t}`).join('\n');
}

const authorName = (author: { displayName: string; username: string | null }): string =>
  escapeHtml(author.displayName) + (author.username ? ` <span class="username">@${escapeHtml(author.username)}</span>` : '');

function postHtml(post: PostView): string {
  const content = post.deleted ? '<p><em>This post was deleted.</em></p>' : post.html;
  return `<article class="post" id="post-${post.postNumber}">
<header><strong class="author">${authorName(post.author)}</strong> <time datetime="${post.createdAt}">${post.createdAt.slice(0, 10)}</time></header>
<div class="post-body">${content}</div>
</article>`;
}

export function topicPage(base: string, topic: TopicDetail, space: PageSpace): HtmlPage {
  const path = `/t/${topic.slug}/${topic.id}`;
  const first = topic.posts.find((p) => p.postNumber === 1);
  const description = first && !first.deleted ? textOf(first.html) : topic.title;
  const next = topic.nextAfter === null ? '' : `\n<nav><a href="${escapeHtml(`${path}?after=${topic.nextAfter}`)}" rel="next">More posts</a></nav>`;
  const body = `<main class="public-page topic-page">
<nav class="breadcrumb"><a href="/">Home</a> › <a href="${escapeHtml(`/s/${space.slug}/${space.id}`)}">${escapeHtml(space.name)}</a></nav>
<h1>${escapeHtml(topic.title)}</h1>
${topic.posts.map(postHtml).join('\n')}${next}
</main>`;
  return {
    status: 200,
    title: `${topic.title} · ${space.name}`,
    head: headTags({ title: topic.title, description, url: base + path, type: 'article', noindex: topic.unlisted }),
    body,
  };
}

function topicItem(topic: TopicView): string {
  const replies = topic.replyCount === 1 ? '1 reply' : `${topic.replyCount} replies`;
  return `<li><a href="${escapeHtml(`/t/${topic.slug}/${topic.id}`)}">${escapeHtml(topic.title)}</a> <span class="meta">by ${authorName(topic.author)} · ${replies}</span></li>`;
}

export function spacePage(base: string, space: PageSpace, topics: readonly TopicView[]): HtmlPage {
  const path = `/s/${space.slug}/${space.id}`;
  const list = topics.length > 0 ? `<ul class="topic-list">\n${topics.map(topicItem).join('\n')}\n</ul>` : '<p>No topics yet.</p>';
  const body = `<main class="public-page space-page">
<nav class="breadcrumb"><a href="/">Home</a></nav>
<h1>${escapeHtml(space.name)}</h1>
${space.description ? `<p class="description">${escapeHtml(space.description)}</p>\n` : ''}${list}
</main>`;
  return {
    status: 200,
    title: space.name,
    head: headTags({ title: space.name, description: space.description || space.name, url: base + path, type: 'website', noindex: false }),
    body,
  };
}

export function notFoundPage(): HtmlPage {
  return {
    status: 404,
    title: 'Not found',
    head: '    <meta name="robots" content="noindex">',
    body: '<main class="public-page not-found"><h1>Not found</h1><p>This page does not exist, or you may need to sign in to see it.</p><p><a href="/">Home</a></p></main>',
  };
}
