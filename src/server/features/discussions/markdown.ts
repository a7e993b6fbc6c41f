// Markdown → safe HTML, once on write. markdown-it never passes raw HTML through (html: false), and
// sanitize-html then keeps a strict allowlist as a second wall in case a plugin or a bug lets one slip.
import MarkdownIt, { type StateCore } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { mentionLinks } from '../notifications';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const TASK = /^\[([ xX])\]\s+/;

/** `- [ ] todo` and `- [x] done` list items become disabled checkboxes. */
function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    const paragraph = tokens[i - 1];
    const item = tokens[i - 2];
    if (inline?.type !== 'inline' || paragraph?.type !== 'paragraph_open' || item?.type !== 'list_item_open') continue;
    const first = inline.children?.[0];
    const match = first?.type === 'text' ? TASK.exec(first.content) : null;
    if (!first || !match) continue;
    first.content = first.content.slice(match[0].length);
    inline.content = inline.content.slice(match[0].length);
    const checkbox = new state.Token('html_inline', '', 0);
    checkbox.content = match[1] === ' ' ? '<input type="checkbox" disabled> ' : '<input type="checkbox" disabled checked> ';
    inline.children?.unshift(checkbox);
    item.attrJoin('class', 'task-list-item');
  }
}
md.core.ruler.after('inline', 'task_lists', taskLists);
md.use(mentionLinks);

/**
 * Heading ids are "h-" + a slug of the text (never a bare word that could clobber a DOM global), numbered when
 * repeated. The slug is cut at 60 UTF-16 units without splitting a surrogate pair (a lone half fails HEADING_ID).
 */
const HEADING_ID = /^h-[\p{Ll}\p{Lo}\p{N}-]{1,80}$/u;

export function headingSlug(text: string): string {
  const slug = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/[\uD800-\uDBFF]$/, '').replace(/-+$/, '');
  return `h-${slug || 'section'}`;
}

/** Gives every heading a stable id to link to (an article's table of contents). Posts written before this keep their HTML until edited. */
function headingIds(state: StateCore): void {
  const used = new Set<string>();
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const open = tokens[i];
    if (open?.type !== 'heading_open') continue;
    const base = headingSlug(tokens[i + 1]?.content ?? '');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    open.attrSet('id', id);
  }
}
md.core.ruler.push('heading_ids', headingIds);

const keepHeadingId: sanitizeHtml.Transformer = (tagName, attribs) => {
  const kept: sanitizeHtml.Attributes = {};
  if (attribs.id !== undefined && HEADING_ID.test(attribs.id)) kept.id = attribs.id;
  return { tagName, attribs: kept };
};

const LINK_REL = 'nofollow ugc noopener';

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del',
    'a', 'img', 'ul', 'ol', 'li', 'input', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    li: ['class'],
    code: ['class'],
    h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    input: ['type', 'disabled', 'checked'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: { code: [/^language-[\w+#.-]+$/], li: ['task-list-item'], a: ['mention'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: keepHeadingId, h2: keepHeadingId, h3: keepHeadingId, h4: keepHeadingId, h5: keepHeadingId, h6: keepHeadingId,
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }),
    input: (tagName, attribs) => ({
      tagName,
      attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}) },
    }),
  },
};

/** Renders member-written Markdown to HTML that is safe to insert into a page as is. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), sanitizeOptions).trim();
}
