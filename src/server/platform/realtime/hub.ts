// Server-Sent Events: domain events become messages, and each connected browser receives only the
// messages its member may see. With Redis, events from other processes arrive here too.
import type { ServerResponse } from 'node:http';
import type { EventBus } from '../events';
import { hasRole, type Principal } from '../http/principal';

/** Who a connection is: its principal and the groups it belongs to (read on connect, refreshed when they change). */
export interface Viewer {
  principal: Principal | null;
  groups: readonly string[];
}

export type Audience =
  | { kind: 'everyone' }
  | { kind: 'signedIn' }
  | { kind: 'staff' }
  | { kind: 'members'; ids: number[] }
  /** Decided per connection by the feature that publishes, e.g. from a space's permissions. */
  | { kind: 'viewers'; allows: (viewer: Viewer) => boolean };

export type GroupsOf = (principal: Principal | null) => Promise<readonly string[]>;

export interface RealtimeMessage {
  type: string;
  data: unknown;
  audience: Audience;
}

interface Client extends Viewer {
  response: ServerResponse;
}

export function mayReceive(viewer: Viewer, audience: Audience): boolean {
  const { principal } = viewer;
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'signedIn':
      return principal !== null;
    case 'staff':
      return hasRole(principal, 'moderator');
    case 'members':
      return principal !== null && audience.ids.includes(principal.memberId);
    case 'viewers':
      return audience.allows(viewer);
  }
}

const HEARTBEAT_MS = 25_000;

export class RealtimeHub {
  readonly #clients = new Set<Client>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(
    bus: EventBus,
    private readonly groupsOf: GroupsOf = async () => [],
  ) {
    bus.on('member.joined', (e) => this.publish({ type: 'member.joined', data: e, audience: { kind: 'staff' } }));
    bus.on('member.updated', (e) => this.publish({ type: 'member.updated', data: e, audience: { kind: 'members', ids: [e.memberId] } }));
    bus.on('job.progress', (e) => this.publish({ type: 'job.progress', data: e, audience: { kind: 'staff' } }));
    bus.on('notification.created', (e) => this.publish({ type: 'notification.created', data: e, audience: { kind: 'members', ids: [e.memberId] } }));
    bus.on('session.revoked', ({ tokenHash }) => this.#disconnect((c) => c.principal?.credentialHash === tokenHash));
    bus.on('apiKey.revoked', ({ keyHash }) => this.#disconnect((c) => c.principal?.via === 'apiKey' && c.principal.credentialHash === keyHash));
    bus.on('member.credentialsChanged', ({ memberId }) => this.#disconnect((c) => c.principal?.memberId === memberId));
    bus.on('group.membersChanged', ({ memberIds }) => this.#refreshGroups((c) => memberIds === null || (c.principal !== null && memberIds.includes(c.principal.memberId))));
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Takes over a response and keeps it open as an event stream. */
  async connect(principal: Principal | null, response: ServerResponse): Promise<void> {
    let groups: readonly string[];
    try {
      groups = await this.groupsOf(principal);
    } catch (error) {
      if (!response.headersSent) response.writeHead(503).end();
      throw error;
    }
    if (response.destroyed) return;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ memberId: principal?.memberId ?? null })}\n\n`);
    const client: Client = { principal, groups, response };
    this.#clients.add(client);
    response.on('close', () => this.#clients.delete(client));
    this.#heartbeat ??= setInterval(() => {
      for (const c of this.#clients) c.response.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  publish(message: RealtimeMessage): void {
    const frame = `event: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`;
    for (const client of this.#clients) if (mayReceive(client, message.audience)) client.response.write(frame);
  }

  close(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    this.#disconnect(() => true);
  }

  async #refreshGroups(match: (client: Client) => boolean): Promise<void> {
    await Promise.all([...this.#clients].filter(match).map(async (client) => {
      client.groups = await this.groupsOf(client.principal);
    }));
  }

  #disconnect(match: (client: Client) => boolean): void {
    for (const client of this.#clients) {
      if (!match(client)) continue;
      this.#clients.delete(client);
      client.response.end();
    }
  }
}
