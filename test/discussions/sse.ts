// A small Server-Sent Events reader for the discussions tests: opens /api/realtime as a member or a
// guest and collects events.
import type { TestMember } from '../support/members';

export interface SseEvent {
  type: string;
  data: Record<string, unknown>;
}

export class Sse {
  readonly events: SseEvent[] = [];
  readonly #abort = new AbortController();
  #wake: (() => void) | undefined;

  static async open(baseUrl: string, member?: TestMember): Promise<Sse> {
    const sse = new Sse();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (member) headers.cookie = [...member.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${baseUrl}/api/realtime`, { headers, signal: sse.#abort.signal });
    if (response.status !== 200 || !response.body) throw new Error(`realtime answered ${response.status}`);
    void sse.#read(response.body);
    await sse.next('ready');
    return sse;
  }

  /** The first event of `type` whose data matches, waiting up to `timeoutMs`. */
  async next(type: string, match: (data: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.type === type && match(e.data));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Events of `type` matching, as collected so far. */
  all(type: string, match: (data: Record<string, unknown>) => boolean = () => true): SseEvent[] {
    return this.events.filter((e) => e.type === type && match(e.data));
  }

  close(): void {
    this.#abort.abort();
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // closed
    }
  }

  #parse(frame: string): void {
    const type = /^event: (.*)$/m.exec(frame)?.[1];
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    if (type === undefined || data === undefined) return;
    this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
    this.#wake?.();
  }
}
