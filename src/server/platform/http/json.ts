// Sending an answer that is JSON already (from a cache of rendered answers), as UTF-8 bytes: Fastify sends
// a Buffer as it is, so a cached answer is neither serialized nor encoded again.
import type { FastifyReply } from 'fastify';

export function sendJson(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

/** The route's own response serializer, so cached text is exactly what the schema lets out. */
export function serializerOf<T>(reply: FastifyReply): (value: T) => Buffer {
  return (value) => Buffer.from(reply.serialize(value) as string);
}
