// One dedicated PostgreSQL connection for LISTEN, reconnecting with backoff when it drops.
import pg from 'pg';

export class Listener {
  readonly #handlers = new Map<string, (payload: string) => void>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly url: string) {}

  async listen(channel: string, onMessage: (payload: string) => void): Promise<void> {
    this.#handlers.set(channel, onMessage);
    const client = await this.#connect();
    await client.query(`listen ${pg.escapeIdentifier(channel)}`);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (message) => {
        if (message.payload !== undefined) this.#handlers.get(message.channel)?.(message.payload);
      });
      client.on('error', () => this.#reconnectSoon(client));
      client.on('end', () => this.#reconnectSoon(client));
      try {
        await client.connect();
      } finally {
        this.#connecting = undefined;
      }
      this.#client = client;
      return client;
    })();
    return this.#connecting;
  }

  #reconnectSoon(dropped: pg.Client): void {
    if (this.#closed || this.#client !== dropped) return;
    this.#client = undefined;
    this.#retryLater(1000);
  }

  /** Reconnects and listens again after delayMs, doubling the wait (up to 30 s) while it fails. */
  #retryLater(delayMs: number): void {
    if (this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      void this.#relisten().catch(() => this.#retryLater(Math.min(delayMs * 2, 30_000)));
    }, delayMs);
  }

  async #relisten(): Promise<void> {
    if (this.#closed) return;
    const client = await this.#connect();
    for (const channel of this.#handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
  }
}
