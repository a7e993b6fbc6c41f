// Markdown rendering: the features members expect, and nothing that runs script survives.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from '../../src/server/features/discussions';
import { assertInert, xssPayloads } from './xss';

describe('renderMarkdown', () => {
  test('renders the usual Markdown', () => {
    assert.equal(renderMarkdown('**bold** _em_ ~~gone~~'), '<p><strong>bold</strong> <em>em</em> <s>gone</s></p>');
    assert.match(renderMarkdown('# Title'), /<h1 id="h-title">Title<\/h1>/);
    assert.match(renderMarkdown('> quoted'), /<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  test('fenced code keeps its language class and escapes its content', () => {
    const html = renderMarkdown('```ts\nconst a = "<b>";\n```');
    assert.match(html, /<pre><code class="language-ts">const a = "&lt;b&gt;";\n<\/code><\/pre>/);
  });

  test('tables with alignment', () => {
    const html = renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |');
    assert.match(html, /<table>/);
    assert.match(html, /<th style="text-align:left">a<\/th>/);
    assert.match(html, /<td style="text-align:right">2<\/td>/);
  });

  test('task lists become disabled checkboxes', () => {
    const html = renderMarkdown('- [ ] todo\n- [x] done\n- plain');
    assert.match(html, /<li class="task-list-item"><input type="checkbox" disabled \/> todo<\/li>/);
    assert.match(html, /<li class="task-list-item"><input type="checkbox" disabled checked \/> done<\/li>/);
    assert.match(html, /<li>plain<\/li>/);
  });

  test('links, bare URLs included, get rel="nofollow ugc noopener"', () => {
    assert.equal(renderMarkdown('[a](https://example.com)'), '<p><a href="https://example.com" rel="nofollow ugc noopener">a</a></p>');
    assert.equal(renderMarkdown('see https://example.com/x'), '<p>see <a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a></p>');
    assert.match(renderMarkdown('[mail](mailto:a@example.com)'), /href="mailto:a@example.com"/);
  });

  test('raw HTML is shown as text, never as markup', () => {
    assert.equal(renderMarkdown('<b>hi</b>'), '<p>&lt;b&gt;hi&lt;/b&gt;</p>');
  });

  test('the inertness check itself catches live markup', () => {
    for (const live of ['<a href="javascript:alert(1)">x</a>', '<img src="x" onerror="alert(1)">', '<p style="position:fixed">x</p>', '<script>', '<img src="data:image/png;base64,AA">', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a href=" &#10;javascript&colon;alert(1)">x</a>']) {
      assert.throws(() => assertInert(live), assert.AssertionError, `not caught: ${live}`);
    }
  });

  for (const payload of xssPayloads) {
    test(`inert: ${JSON.stringify(payload).slice(0, 70)}`, () => {
      assertInert(renderMarkdown(payload));
    });
  }
});
