// The hot lane. When a route marked `config: { hotLane: true }` sends a cached answer, the lane remembers
// it under the viewer and the URL as sent. The next GET of that URL by that viewer is answered by the
// node:http listener itself, without Fastify's routing, hooks and reply machinery, for as long as the
// cached value the answer came from is still the cached one (purges reach every process, so a change
// anywhere ends it everywhere).
//
// What Fastify's hooks do for such a request the lane does too: it knows the viewer only from a
// session the credential cache already holds fresh (no touch due); it counts the request against the
// same global rate-limit store; it sends the security headers, a request id, the rate-limit headers
// and the route's own headers, gzip as sendBytes would, and writes the request log line. Whatever it
// cannot answer exactly so (an API key, an unknown or stale session, a spent budget, a closing server,
// any other method) goes to Fastify.
import type http from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyReply } from 'fastify';
import type { Logger } from '../logger';
import { encodedFor } from './compressed';
import { securityHeaders } from './every-response';
import type { RateTaken, TakeRate } from './rate-limit';

/** Who sent a request, if that is known without waiting: a member id, null for a guest, undefined to leave it to Fastify. */
export type PeekViewer = (request: http.IncomingMessage) => number | null | undefined;

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

interface Remembered {
  /** Weak: the read cache owns the bytes; once it lets them go, so does the lane. */
  body: WeakRef<Buffer>;
  /** The route's own headers (type, policy, caching); the per-request ones are made afresh. */
  headers: Partial<Record<(typeof ROUTE_HEADERS)[number], string>>;
  stillValid: StillValid;
}

/**
 * Whether the bytes are still the answer to give (the cached value they came from is still cached). One
 * function per kind of answer, not per answer: a closure over the answer would hold it past its purge.
 */
export type StillValid = (body: Buffer) => boolean;

const ROUTE_HEADERS = ['content-type', 'content-security-policy', 'cache-control'] as const;
const trustAll = (): boolean => true;

/** An answer is remembered per viewer (a guest, or one member) and URL as sent. */
const laneKey = (memberId: number | null, url: string | undefined): string => `${memberId === null ? 'g' : `m${memberId}`} ${url}`;

export interface HotLaneOptions {
  /** Answers remembered at most (0: the lane is off). */
  maxEntries: number;
  trustProxy: boolean;
  nextRequestId: () => string;
  logger: Logger;
}

export class HotLane {
  readonly #entries = new Map<string, Remembered>();
  #peek: PeekViewer | undefined;
  #takeRate: TakeRate | undefined;
  #closing = false;
  #served = 0;

  constructor(private readonly options: HotLaneOptions) {}

  /** Until the session cache and the rate limiter are connected, every request goes to Fastify. */
  connect(peek: PeekViewer, takeRate: TakeRate): void {
    this.#peek = peek;
    this.#takeRate = takeRate;
  }

  /** From now on everything goes to Fastify, which answers 503 while it closes. */
  close(): void {
    this.#closing = true;
    this.#entries.clear();
  }

  /** Requests answered by the lane so far. */
  get served(): number {
    return this.#served;
  }

  /** Called as a hot route sends a cached answer; stillValid tells whether that answer is still the cached one. */
  remember(reply: FastifyReply, body: Buffer, stillValid: StillValid): void {
    const { request } = reply;
    if (this.options.maxEntries === 0 || this.#closing || request.method !== 'GET' || reply.statusCode !== 200) return;
    if (request.headers.authorization !== undefined || !stillValid(body)) return;
    const principal = request.principal;
    if (principal && principal.via !== 'session') return;
    const headers: Remembered['headers'] = {};
    for (const name of ROUTE_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const key = laneKey(principal ? principal.memberId : null, request.url);
    this.#entries.delete(key);
    this.#entries.set(key, { body: new WeakRef(body), headers, stillValid });
    if (this.#entries.size > this.options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  /** The node:http request listener: what the lane can answer it answers, the rest goes to fastify. */
  listener(fastify: Listener): Listener {
    return (request, response) => {
      if (!this.#guarded(request, response, fastify, () => this.#serve(request, response, fastify))) fastify(request, response);
    };
  }

  /** Runs a step of the lane; if it throws, Fastify answers (or, once headers went out, the connection ends). True when handled. */
  #guarded(request: http.IncomingMessage, response: http.ServerResponse, fastify: Listener, step: () => boolean): boolean {
    try {
      return step();
    } catch (error) {
      this.options.logger.error({ err: error, url: request.url }, 'hot lane failed; Fastify answers');
      if (response.headersSent) response.destroy();
      else fastify(request, response);
      return true;
    }
  }

  /** True when the lane answers (now, or once the rate limit is counted through Redis). */
  #serve(request: http.IncomingMessage, response: http.ServerResponse, fastify: Listener): boolean {
    const peek = this.#peek;
    const takeRate = this.#takeRate;
    if (request.method !== 'GET' || this.#closing || this.#entries.size === 0 || !peek || !takeRate) return false;
    if (request.headers.authorization !== undefined) return false;
    const member = peek(request);
    if (member === undefined) return false;
    const key = laneKey(member, request.url);
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    const body = entry.body.deref();
    if (body === undefined || !entry.stillValid(body)) {
      this.#entries.delete(key);
      return false;
    }
    const started = performance.now();
    let counting = true;
    let refusedAtOnce = false;
    // Past the limit Fastify answers (429, in the error format): it counts the request again, which
    // changes nothing for a budget that is spent already.
    takeRate(member === null ? `ip${this.#ipOf(request)}` : `m${member}`, (taken) => {
      if (taken === null) {
        if (counting) refusedAtOnce = true;
        else fastify(request, response);
        return;
      }
      // Counted through Redis, this runs later, outside the listener's guard.
      if (counting) this.#send(request, response, entry, body, taken, started);
      else this.#guarded(request, response, fastify, () => (this.#send(request, response, entry, body, taken, started), true));
    });
    counting = false;
    return !refusedAtOnce;
  }

  #send(request: http.IncomingMessage, response: http.ServerResponse, entry: Remembered, body: Buffer, taken: NonNullable<RateTaken>, started: number): void {
    const requestId = this.options.nextRequestId();
    const { payload, gzip } = encodedFor(body, request.headers['accept-encoding']);
    // One literal of one shape, then the route's own headers: spreading objects of varying shapes cost 6% here.
    const headers: http.OutgoingHttpHeaders = {
      'x-content-type-options': securityHeaders['x-content-type-options'],
      'x-frame-options': securityHeaders['x-frame-options'],
      'referrer-policy': securityHeaders['referrer-policy'],
      'x-request-id': requestId,
      'x-ratelimit-limit': taken.limit,
      'x-ratelimit-remaining': taken.remaining,
      'x-ratelimit-reset': taken.resetSeconds,
      vary: 'accept-encoding',
      'content-length': payload.length,
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    for (const name of ROUTE_HEADERS) {
      const value = entry.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    response.writeHead(200, headers);
    response.end(payload);
    this.#served++;
    const { logger } = this.options;
    if (logger.isLevelEnabled('info')) {
      logger.info({ requestId, method: request.method, url: request.url, status: 200, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
    }
  }

  #ipOf(request: http.IncomingMessage): string | undefined {
    if (!this.options.trustProxy) return request.socket.remoteAddress;
    const addresses = proxyAddr.all(request, trustAll);
    return addresses[addresses.length - 1];
  }
}

/** For a route marked hotLane: remember the cached answer it is sending. */
export function rememberHot(reply: FastifyReply, body: Buffer, stillValid: StillValid): void {
  if (reply.routeOptions.config.hotLane === true) reply.server.hotLane.remember(reply, body, stillValid);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's cached GET answers may be sent again by the hot lane (see hot-lane.ts). */
    hotLane?: boolean;
  }
  interface FastifyInstance {
    hotLane: HotLane;
  }
}
