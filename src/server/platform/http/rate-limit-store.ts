// The counter store of @fastify/rate-limit (its own in-memory LRU or its Redis script), built here
// rather than inside the plugin so that the global store can be used outside Fastify's hooks too.
import { createRequire } from 'node:module';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

/** The store contract of @fastify/rate-limit (its store/*.js files carry no types). */
export interface CounterStoreOfPlugin {
  incr(key: string, done: (error: Error | null, counted: { current: number; ttl: number } | null) => void, timeWindow: number, max: number): void;
  child(routeOptions: unknown): CounterStoreOfPlugin;
}

type StoreClass<A extends unknown[]> = new (continueExceeding: boolean, exponentialBackoff: boolean, ...rest: A) => CounterStoreOfPlugin;

const require = createRequire(import.meta.url);
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as StoreClass<[cache: number]>;
const RedisStore = require('@fastify/rate-limit/store/RedisStore') as StoreClass<[redis: Redis, nameSpace: string]>;

/** Keys (members and addresses) kept per store in memory, as the plugin's own default. */
const LOCAL_KEYS = 5000;

export class RateLimitStore {
  /** The store of every route without a limit of its own. */
  readonly global: CounterStoreOfPlugin;

  constructor(redis: Redis | undefined, nameSpace: string) {
    // Not continuing or backing off past the limit: the plugin's defaults, which the plugin passes on to children.
    this.global = redis ? new RedisStore(false, false, redis, nameSpace) : new LocalStore(false, false, LOCAL_KEYS);
  }

  /** The `store` option: the plugin constructs it once for its global store, and gets ours. */
  asPluginStore(): FastifyRateLimitStoreCtor {
    const global = this.global;
    // A constructor that returns an object gives that object to `new`. (The plugin's types leave out
    // the window and limit that it passes to incr.)
    return function PluginStore() {
      return global;
    } as unknown as FastifyRateLimitStoreCtor;
  }
}
