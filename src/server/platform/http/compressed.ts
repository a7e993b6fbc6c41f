// Gzip for answers kept as bytes (cached JSON and rendered pages): compressed once per Buffer (a
// WeakMap keyed by the cached Buffer itself, so a purged answer lets its compressed copy go too) and
// sent to clients that accept gzip. Small answers go as they are.
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';

export const MIN_GZIP_BYTES = 1024;
const compressed = new WeakMap<Buffer, Buffer>();

/** The last Accept-Encoding seen and its answer: clients send the same header again and again. */
let lastHeader = { value: '', gzip: false };

/** Whether Accept-Encoding allows gzip: listed (or `*`) without q=0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  if (value !== lastHeader.value) lastHeader = { value, gzip: parseAcceptsGzip(value) };
  return lastHeader.gzip;
}

function parseAcceptsGzip(value: string): boolean {
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

export function gzipOf(body: Buffer): Buffer {
  let packed = compressed.get(body);
  if (packed === undefined) {
    packed = zlib.gzipSync(body, { level: 6 });
    compressed.set(body, packed);
  }
  return packed;
}

/** What to send a client with this Accept-Encoding: the body gzipped once it is worth it and accepted, or as it is. */
export function encodedFor(body: Buffer, acceptEncoding: string | string[] | undefined): { payload: Buffer; gzip: boolean } {
  const gzip = body.length >= MIN_GZIP_BYTES && acceptsGzip(acceptEncoding);
  return { payload: gzip ? gzipOf(body) : body, gzip };
}

export function sendBytes(reply: FastifyReply, body: Buffer): FastifyReply {
  reply.header('vary', 'accept-encoding');
  const { payload, gzip } = encodedFor(body, reply.request.headers['accept-encoding']);
  if (gzip) reply.header('content-encoding', 'gzip');
  return reply.send(payload);
}
