// Per-route request limits (@fastify/rate-limit), counted per member when signed in and per IP
// otherwise, and shared through Redis between processes when REDIS_URL is set. The global counter
// store is built here and handed back, so the hot lane (hot-lane.ts) counts its answers against the
// very same budget as the routes it stands in for.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import { RateLimitStore } from './rate-limit-store';

/** What one more request leaves of the global budget, or null once it is spent (or the store failed). */
export type RateTaken = { limit: number; remaining: number; resetSeconds: number } | null;

/** Counts one request for key against the global limit; calls back at once when counting in memory. */
export type TakeRate = (key: string, done: (taken: RateTaken) => void) => void;

const WINDOW_MS = 60_000;

export async function registerRateLimits(app: FastifyInstance, perMinute: number, redis: Redis | undefined, redisPrefix: string): Promise<TakeRate> {
  const store = new RateLimitStore(redis, `${redisPrefix}rl:`);
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: WINDOW_MS,
    store: store.asPluginStore(),
    keyGenerator: (request) => (request.principal ? `m${request.principal.memberId}` : `ip${request.ip}`),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('rate_limited', `Too many requests; try again in ${seconds} s`, { headers: { 'retry-after': String(seconds) } });
    },
  });
  return (key, done) => {
    store.global.incr(
      key,
      (error, counted) => {
        if (error || !counted || counted.current > perMinute) return done(null);
        done({ limit: perMinute, remaining: Math.max(0, perMinute - counted.current), resetSeconds: Math.ceil(counted.ttl / 1000) });
      },
      WINDOW_MS,
      perMinute,
    );
  };
}
