// An in-process LRU cache whose entries carry tags; purging a tag drops every entry that carries it.
// Each tag has a generation: a value computed while one of its tags was purged is not stored, so a
// read that raced a write cannot put the old answer back after the write's purge.

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
}

interface Entry<V> {
  value: V;
  tags: readonly string[];
}

/** Where a stored object value lives, so that whoever holds the value can ask whether it is still the cached one. */
const origins = new WeakMap<object, { cache: TaggedCache<unknown>; key: string }>();

/**
 * Whether an object that a TaggedCache stored is still stored under its key (not purged, evicted or
 * replaced). Counts as a hit and marks the entry as recently used, as a get would.
 */
export function isStillCached(value: object): boolean {
  const origin = origins.get(value);
  return origin !== undefined && origin.cache.holds(origin.key, value);
}

export class TaggedCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #keysByTag = new Map<string, Set<string>>();
  readonly #generations = new Map<string, number>();
  #hits = 0;
  #misses = 0;

  /** maxEntries 0 turns the cache off: every get computes. */
  constructor(readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** The cached value, or compute() stored under tags unless one of them was purged meanwhile. */
  async get(key: string, tags: readonly string[], compute: () => Promise<V>): Promise<{ value: V; hit: boolean }> {
    const found = this.#entries.get(key);
    if (found) {
      this.#hits++;
      // Map order is insertion order: re-inserting marks the entry as the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return { value: found.value, hit: true };
    }
    this.#misses++;
    if (!this.enabled) return { value: await compute(), hit: false };
    const watched = [ALL, ...tags];
    const before = watched.map((t) => this.#generations.get(t) ?? 0);
    const value = await compute();
    if (watched.every((t, i) => (this.#generations.get(t) ?? 0) === before[i])) this.#store(key, value, tags);
    return { value, hit: false };
  }

  /** Whether key still holds exactly this value; a hit if so. */
  holds(key: string, value: V): boolean {
    const found = this.#entries.get(key);
    if (found === undefined || found.value !== value) return false;
    this.#hits++;
    this.#entries.delete(key);
    this.#entries.set(key, found);
    return true;
  }

  /** Drops the entries carrying any of the tags. */
  purge(...tags: string[]): void {
    for (const tag of tags) {
      this.#generations.set(tag, (this.#generations.get(tag) ?? 0) + 1);
      const keys = this.#keysByTag.get(tag);
      if (!keys) continue;
      this.#keysByTag.delete(tag);
      for (const key of keys) this.#delete(key);
    }
  }

  /** Drops everything (a change that any entry may reflect, such as a renamed member). */
  clear(): void {
    this.#generations.set(ALL, (this.#generations.get(ALL) ?? 0) + 1);
    this.#entries.clear();
    this.#keysByTag.clear();
  }

  stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses, entries: this.#entries.size };
  }

  #store(key: string, value: V, tags: readonly string[]): void {
    this.#delete(key);
    this.#entries.set(key, { value, tags });
    if (typeof value === 'object' && value !== null) origins.set(value, { cache: this, key });
    for (const tag of tags) {
      let keys = this.#keysByTag.get(tag);
      if (!keys) this.#keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#delete(oldest.value);
    }
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.#keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByTag.delete(tag);
    }
  }
}

/** A tag every entry carries implicitly: clear() bumps it, so computations that started before are not stored. */
const ALL = '*';
