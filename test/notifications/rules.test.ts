// Table tests for the pure notification rules: mention parsing and who hears about a post.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMentions } from '../../src/server/features/notifications/mentions.rules';
import { effectiveLevel, recipientsOfPost } from '../../src/server/features/notifications/notifications.rules';

test('extractMentions', () => {
  const cases: [string, string[]][] = [
    ['hi @Bob and @bob', ['bob']],
    ['@a_b.c, @x-y.', ['a_b.c', 'x-y']],
    ['mail me@example.com', []],
    ['`@code` and\n\n    @indented\n\n```\n@fenced\n```', []],
    ['[@linked](https://example.com) (@paren)', ['paren']],
    ['@a single letter', []],
    ['**@bold** _@em_', ['bold', 'em']],
  ];
  for (const [markdown, expected] of cases) assert.deepEqual(extractMentions(markdown), expected, markdown);
});

test('effectiveLevel', () => {
  assert.equal(effectiveLevel(undefined, undefined), 'normal');
  assert.equal(effectiveLevel(undefined, 'watching'), 'watching');
  assert.equal(effectiveLevel('muted', 'watching'), 'muted');
});

test('recipientsOfPost', () => {
  const levels = new Map([[2, 'watching'], [3, 'muted'], [4, 'watching'], [1, 'watching']] as const);
  const result = recipientsOfPost({ authorId: 1, mentionedIds: [3, 1], repliedToId: 4, levels });
  assert.deepEqual([...result].sort(), [[2, 'watching'], [3, 'mention'], [4, 'reply']]);
  assert.deepEqual([...recipientsOfPost({ authorId: 1, mentionedIds: [], repliedToId: 3, levels: new Map([[3, 'muted']]) })], []);
  assert.deepEqual([...recipientsOfPost({ authorId: 1, mentionedIds: [], repliedToId: 1, levels: new Map() })], []);
});
