// Outbound HTTP that cannot be pointed at this machine or its network (SSRF): the host is resolved
// once, every address is checked, and the connection uses exactly the checked addresses (the lookup
// runs inside the connect, so a second DNS answer cannot swap in a private address). Hosts listed in
// OUTBOUND_ALLOW_HOSTS skip the address check. Every request ends after a timeout (10 s by default).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { blockedAddressReason, isAllowedHost } from './address-rules';

export type OutboundFailure = 'blocked' | 'invalid_url' | 'timeout' | 'network' | 'too_large';

export class OutboundError extends Error {
  readonly kind: OutboundFailure;

  constructor(kind: OutboundFailure, message: string) {
    super(message);
    this.name = 'OutboundError';
    this.kind = kind;
  }
}

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface OutboundOptions {
  allowHosts: readonly string[];
  timeoutMs?: number;
  /** Answers longer than this are cut off with an error (default 1 MiB). */
  maxBytes?: number;
}

export type Outbound = (request: OutboundRequest) => Promise<OutboundResponse>;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup replacement that refuses hosts resolving to any non-public address. */
function checkedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((a) => blockedAddressReason(a.address) !== null);
    if (bad || addresses.length === 0) {
      const reason = bad ? blockedAddressReason(bad.address) : 'no address';
      return callback(Object.assign(new OutboundError('blocked', `${hostname} resolves to a ${reason ?? 'refused address'} (${bad?.address ?? '-'})`), { code: 'EBLOCKED' }), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return first ? callback(null, first.address, first.family) : callback(new OutboundError('blocked', `${hostname} has no address`), []);
  });
}

function parseTarget(raw: string, allowHosts: readonly string[]): { url: URL; allowed: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('invalid_url', 'The URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError('invalid_url', 'Only http and https URLs may be fetched');
  if (url.username || url.password) throw new OutboundError('invalid_url', 'URLs with credentials are refused');
  const allowed = isAllowedHost(url.hostname, allowHosts);
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && net.isIP(bare) !== 0) {
    const reason = blockedAddressReason(bare);
    if (reason) throw new OutboundError('blocked', `${bare} is a ${reason}`);
  }
  return { url, allowed };
}

export function createOutbound(options: OutboundOptions): Outbound {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  return (request) =>
    new Promise<OutboundResponse>((resolve, reject) => {
      let target: { url: URL; allowed: boolean };
      try {
        target = parseTarget(request.url, options.allowHosts);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? 10_000;
      const signal = AbortSignal.timeout(timeoutMs);
      const transport = target.url.protocol === 'https:' ? https : http;
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      const req = transport.request(target.url, {
        method: request.method,
        headers: { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        agent: false,
        ...(target.allowed ? {} : { lookup: checkedLookup }),
      });
      const fail = (error: unknown) => {
        if (error instanceof OutboundError) return reject(error);
        if (signal.aborted) return reject(new OutboundError('timeout', `No answer from ${target.url.host} within ${timeoutMs} ms`));
        const cause = error instanceof Error && 'cause' in error && error.cause instanceof OutboundError ? error.cause : undefined;
        reject(cause ?? new OutboundError('network', `${target.url.host}: ${error instanceof Error ? error.message : String(error)}`));
      };
      const onAbort = () => req.destroy(new OutboundError('timeout', `No answer from ${target.url.host} within ${timeoutMs} ms`));
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => {
        signal.removeEventListener('abort', onAbort);
        fail(error);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBytes) {
            chunks.push(chunk);
            return;
          }
          // Refused here: once destroyed, the answer may still 'end' with what was read so far.
          const error = new OutboundError('too_large', `The answer from ${target.url.host} is larger than ${maxBytes} bytes`);
          signal.removeEventListener('abort', onAbort);
          reject(error);
          req.destroy(error);
        });
        res.on('error', fail);
        res.on('end', () => {
          signal.removeEventListener('abort', onAbort);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.end(body);
    });
}
