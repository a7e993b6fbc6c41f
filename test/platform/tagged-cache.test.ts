// TaggedCache: LRU eviction, purging by tag, and no stale value stored by a read that raced a purge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaggedCache } from '../../src/server/platform/cache/tagged-cache';

const value = (v: string) => () => Promise.resolve(v);

test('a second get is a hit; purging a tag makes it compute again', async () => {
  const cache = new TaggedCache<string>(10);
  assert.deepEqual(await cache.get('a', ['t1'], value('one')), { value: 'one', hit: false });
  assert.deepEqual(await cache.get('a', ['t1'], value('two')), { value: 'one', hit: true });
  await cache.get('b', ['t2'], value('b'));
  cache.purge('t1');
  assert.deepEqual(await cache.get('a', ['t1'], value('two')), { value: 'two', hit: false });
  assert.equal((await cache.get('b', ['t2'], value('other'))).hit, true, 'other tags stay');
  assert.deepEqual(cache.stats(), { hits: 2, misses: 3, entries: 2 });
});

test('the least recently used entry goes first when full', async () => {
  const cache = new TaggedCache<string>(2);
  await cache.get('a', [], value('a'));
  await cache.get('b', [], value('b'));
  await cache.get('a', [], value('x'));
  await cache.get('c', [], value('c'));
  assert.equal((await cache.get('a', [], value('x'))).hit, true);
  assert.equal((await cache.get('b', [], value('y'))).hit, false, 'b was evicted');
});

test('a value computed while its tag was purged is returned but not stored', async () => {
  const cache = new TaggedCache<string>(10);
  let release!: () => void;
  const slow = cache.get('k', ['t'], () => new Promise<string>((resolve) => (release = () => resolve('stale'))));
  cache.purge('t');
  release();
  assert.equal((await slow).value, 'stale');
  assert.deepEqual(await cache.get('k', ['t'], value('fresh')), { value: 'fresh', hit: false });

  const racing = cache.get('z', ['u'], () => new Promise<string>((resolve) => (release = () => resolve('stale'))));
  cache.clear();
  release();
  await racing;
  assert.equal((await cache.get('z', ['u'], value('fresh'))).value, 'fresh', 'clear() also voids computations in flight');
});

test('size 0 turns the cache off', async () => {
  const cache = new TaggedCache<string>(0);
  await cache.get('a', [], value('1'));
  assert.deepEqual(await cache.get('a', [], value('2')), { value: '2', hit: false });
  assert.equal(cache.stats().entries, 0);
});
