// Typed domain events, emitted after commit. Handlers run in this process; with Redis, every other
// Hearth process sharing the database receives them too.
import crypto from 'node:crypto';
import type { Logger } from './logger';
import type { Redis } from 'ioredis';

export interface DomainEvents {
  'member.joined': { memberId: number; username: string };
  'member.updated': { memberId: number };
  /** Every session and API key of the member must be re-read (password change, suspension, role change). */
  'member.credentialsChanged': { memberId: number };
  'session.revoked': { tokenHash: string; memberId: number };
  'apiKey.revoked': { keyHash: string; memberId: number };
  'settings.updated': { keys: string[] };
  'job.progress': { jobId: string; queue: string; percent: number; message: string };
}

export type EventName = keyof DomainEvents;
export type EventHandler<N extends EventName> = (payload: DomainEvents[N], meta: { remote: boolean }) => void | Promise<void>;

interface Envelope {
  origin: string;
  name: EventName;
  payload: unknown;
}


export class EventBus {
  readonly origin = crypto.randomUUID();
  readonly #handlers = new Map<EventName, EventHandler<EventName>[]>();
  #publisher: Redis | undefined;
  #channel = 'hearth:events';

  constructor(private readonly logger: Logger) {}

  on<N extends EventName>(name: N, handler: EventHandler<N>): void {
    const list = this.#handlers.get(name) ?? [];
    list.push(handler as EventHandler<EventName>);
    this.#handlers.set(name, list);
  }

  /** Runs local handlers (awaited, errors logged) and fans the event out to other processes. */
  async emit<N extends EventName>(name: N, payload: DomainEvents[N]): Promise<void> {
    if (this.#publisher) {
      const envelope: Envelope = { origin: this.origin, name, payload };
      try {
        await this.#publisher.publish(this.#channel, JSON.stringify(envelope));
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'could not publish event to Redis');
      }
    }
    await this.#dispatch(name, payload, false);
  }

  /** Subscribes to other processes' events through Redis. */
  async connectRedis(publisher: Redis, subscriber: Redis, channel: string): Promise<void> {
    this.#channel = channel;
    this.#publisher = publisher;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.#channel) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message) as Envelope;
      } catch {
        return;
      }
      if (envelope.origin === this.origin) return;
      void this.#dispatch(envelope.name, envelope.payload as DomainEvents[EventName], true);
    });
    await subscriber.subscribe(this.#channel);
  }

  async #dispatch<N extends EventName>(name: N, payload: DomainEvents[N], remote: boolean): Promise<void> {
    for (const handler of this.#handlers.get(name) ?? []) {
      try {
        await handler(payload, { remote });
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'event handler failed');
      }
    }
  }
}
