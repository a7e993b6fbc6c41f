// Plain-text excerpts of rendered posts (bookmarks, a member's posts, held replies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainExcerpt } from '../../src/server/features/discussions/posts/excerpt.rules';
import { renderMarkdown } from '../../src/server/features/discussions/markdown';

test('plainExcerpt: inline markup keeps words and punctuation together, blocks part them, entities decode, long text is cut', () => {
  assert.equal(plainExcerpt(renderMarkdown('My bench is **oak**, with a [vice](https://example.com/v)!')), 'My bench is oak, with a vice!');
  assert.equal(plainExcerpt(renderMarkdown('# Title\n\nFirst line.\n\n- one\n- two')), 'Title First line. one two');
  assert.equal(plainExcerpt('<p>a<br>b</p><p>&lt;tag&gt; &amp; &#x1F600; &#0;</p>'), 'a b <tag> & 😀 &#0;');
  assert.equal(plainExcerpt(`<p>${'word '.repeat(100)}</p>`, 20), 'word word word word…');
});
