// Sending an answer that is JSON text already (from a cache of rendered answers): Fastify sends a string
// with a JSON content type as it is, without serializing it again.
import type { FastifyReply } from 'fastify';

export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

/** The route's own response serializer, so cached text is exactly what the schema lets out. */
export function serializerOf<T>(reply: FastifyReply): (value: T) => string {
  return (value) => reply.serialize(value) as string;
}
