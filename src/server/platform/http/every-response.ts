// What every answer carries, whether Fastify or the hot lane sends it: the security headers and a request id.
import crypto from 'node:crypto';

export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

/** 16 hex characters: a random per-process prefix and a counter. Drawing random bytes for every request cost 8% of throughput. */
export function requestIds(): () => string {
  const prefix = crypto.randomBytes(4).toString('hex');
  let counter = crypto.randomBytes(4).readUInt32BE(0);
  return () => {
    counter = (counter + 1) >>> 0;
    return prefix + counter.toString(16).padStart(8, '0');
  };
}
