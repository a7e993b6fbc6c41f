// Sending an answer that is JSON already (from a cache of rendered answers), as UTF-8 bytes: Fastify sends
// a Buffer as it is, so a cached answer is neither serialized nor encoded again. A client that accepts
// gzip (every browser) gets the answer compressed once per cached Buffer (see compressed.ts).
import type { FastifyReply } from 'fastify';
import { isStillCached } from '../cache/tagged-cache';
import { sendBytes } from './compressed';
import { rememberHot } from './hot-lane';

export function sendJson(reply: FastifyReply, json: Buffer): FastifyReply {
  reply.type('application/json; charset=utf-8');
  rememberHot(reply, json, isStillCached);
  return sendBytes(reply, json);
}

/** The route's own response serializer, so cached text is exactly what the schema lets out. */
export function serializerOf<T>(reply: FastifyReply): (value: T) => Buffer {
  return (value) => Buffer.from(reply.serialize(value) as string);
}
