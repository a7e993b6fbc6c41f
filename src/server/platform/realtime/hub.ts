// Server-Sent Events: domain events become messages, and each connected browser receives only the
// messages its member may see. With Redis, events from other processes arrive here too.
import type { ServerResponse } from 'node:http';
import type { EventBus } from '../events';
import { hasRole, type Principal } from '../http/principal';

export type Audience = { kind: 'everyone' } | { kind: 'signedIn' } | { kind: 'staff' } | { kind: 'members'; ids: number[] };

export interface RealtimeMessage {
  type: string;
  data: unknown;
  audience: Audience;
}

interface Client {
  principal: Principal | null;
  response: ServerResponse;
}

export function mayReceive(principal: Principal | null, audience: Audience): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'signedIn':
      return principal !== null;
    case 'staff':
      return hasRole(principal, 'moderator');
    case 'members':
      return principal !== null && audience.ids.includes(principal.memberId);
  }
}

const HEARTBEAT_MS = 25_000;

export class RealtimeHub {
  readonly #clients = new Set<Client>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(bus: EventBus) {
    bus.on('member.joined', (e) => this.publish({ type: 'member.joined', data: e, audience: { kind: 'staff' } }));
    bus.on('member.updated', (e) => this.publish({ type: 'member.updated', data: e, audience: { kind: 'members', ids: [e.memberId] } }));
    bus.on('job.progress', (e) => this.publish({ type: 'job.progress', data: e, audience: { kind: 'staff' } }));
    bus.on('session.revoked', ({ tokenHash }) => this.#disconnect((c) => c.principal?.credentialHash === tokenHash));
    bus.on('apiKey.revoked', ({ keyHash }) => this.#disconnect((c) => c.principal?.via === 'apiKey' && c.principal.credentialHash === keyHash));
    bus.on('member.credentialsChanged', ({ memberId }) => this.#disconnect((c) => c.principal?.memberId === memberId));
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Takes over a response and keeps it open as an event stream. */
  connect(principal: Principal | null, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ memberId: principal?.memberId ?? null })}\n\n`);
    const client: Client = { principal, response };
    this.#clients.add(client);
    response.on('close', () => this.#clients.delete(client));
    this.#heartbeat ??= setInterval(() => {
      for (const c of this.#clients) c.response.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  publish(message: RealtimeMessage): void {
    const frame = `event: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`;
    for (const client of this.#clients) if (mayReceive(client.principal, message.audience)) client.response.write(frame);
  }

  close(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    this.#disconnect(() => true);
  }

  #disconnect(match: (client: Client) => boolean): void {
    for (const client of this.#clients) {
      if (!match(client)) continue;
      this.#clients.delete(client);
      client.response.end();
    }
  }
}
