// Per-route request limits (@fastify/rate-limit), counted per member when signed in and per IP
// otherwise, and shared through Redis between processes when REDIS_URL is set.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';

export async function registerRateLimits(app: FastifyInstance, perMinute: number, redis: Redis | undefined, redisPrefix: string): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    ...(redis ? { redis, nameSpace: `${redisPrefix}rl:` } : {}),
    keyGenerator: (request) => (request.principal ? `m${request.principal.memberId}` : `ip${request.ip}`),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('rate_limited', `Too many requests; try again in ${seconds} s`, { headers: { 'retry-after': String(seconds) } });
    },
  });
}
