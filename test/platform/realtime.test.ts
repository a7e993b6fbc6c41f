// Realtime: GET /api/realtime is a Server-Sent Events stream that carries only what its viewer may see,
// and closes when the credential behind it ends. With Redis, several processes on one PostgreSQL share
// events, credential cache purges and rate-limit counters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDbKind } from '../support/databases';
import { createApiKey, createMember, signUp, uniqueName, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

interface SseEvent {
  type: string;
  data: unknown;
}

/** How long to wait for an event that must not come, after the viewers who may see it got it. */
const QUIET_MS = 300;

/** A live SSE connection read with fetch, collecting every event. */
class EventStream {
  readonly events: SseEvent[] = [];
  readonly ended: Promise<void>;
  readonly #abort = new AbortController();
  #waiters: (() => void)[] = [];
  #done = false;

  private constructor(
    readonly status: number,
    readonly contentType: string,
    body: ReadableStream<Uint8Array> | null,
  ) {
    this.ended = body ? this.#read(body) : Promise.resolve();
  }

  /** Opens the stream as a visitor, with a session (`cookie`), or with an API key. */
  static async open(baseUrl: string, credentials: { member?: TestMember; apiKey?: string } = {}): Promise<EventStream> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (credentials.apiKey) headers.authorization = `Bearer ${credentials.apiKey}`;
    if (credentials.member) headers.cookie = [...credentials.member.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    const response = await fetch(`${baseUrl}/api/realtime`, { headers, signal: controller.signal });
    clearTimeout(timer);
    const stream = new EventStream(response.status, response.headers.get('content-type') ?? '', response.status === 200 ? response.body : null);
    stream.#abort.signal.addEventListener('abort', () => controller.abort());
    if (response.status === 200) await stream.next('ready');
    else await response.body?.cancel();
    return stream;
  }

  get isDone(): boolean {
    return this.#done;
  }

  of(type: string): SseEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /** The first event of `type` matching `match`, waiting up to `timeoutMs` for it. */
  async next(type: string, match: (data: unknown) => boolean = () => true, timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.type === type && match(e.data));
      if (found) return found;
      if (this.#done) throw new Error(`stream ended without a ${type} event`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server ends the stream; rejects after `timeoutMs`. */
  async waitForEnd(timeoutMs = 5000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`stream still open after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.ended, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#abort.abort();
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.#done = true;
      this.#wake();
    }
  }

  #parse(frame: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    this.events.push({ type, data: JSON.parse(data.join('\n')) });
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

const quiet = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, QUIET_MS));
const joinedAs = (username: string) => (data: unknown) => (data as { username?: string }).username === username;
const aboutMember = (memberId: number) => (data: unknown) => (data as { memberId?: number }).memberId === memberId;

describe('one process', () => {
  let server: TestServer;
  let member: TestMember;
  let otherMember: TestMember;
  let moderator: TestMember;
  let admin: TestMember;
  const streams: EventStream[] = [];
  const open = async (credentials: { member?: TestMember; apiKey?: string } = {}): Promise<EventStream> => {
    const stream = await EventStream.open(server.url, credentials);
    streams.push(stream);
    return stream;
  };

  before(async () => {
    server = await startTestServer();
    [member, otherMember, moderator, admin] = await Promise.all([
      createMember(server, 'member'),
      createMember(server, 'member'),
      createMember(server, 'moderator'),
      createMember(server, 'admin'),
    ]);
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await server?.close();
  });

  test('GET /api/realtime is an event stream that starts with a ready event naming the viewer', async () => {
    const anonymous = await open();
    assert.equal(anonymous.status, 200);
    assert.match(anonymous.contentType, /^text\/event-stream/);
    assert.deepEqual(anonymous.of('ready').map((e) => e.data), [{ memberId: null }]);
    const signedIn = await open({ member });
    assert.deepEqual(signedIn.of('ready').map((e) => e.data), [{ memberId: member.id }]);
    const { key } = await createApiKey(member, 'read');
    const viaKey = await open({ apiKey: key });
    assert.deepEqual(viaKey.of('ready').map((e) => e.data), [{ memberId: member.id }]);
  });

  test('a bad API key gets 401, not an anonymous stream', async () => {
    const stream = await open({ apiKey: 'hearth_wrong' });
    assert.equal(stream.status, 401);
  });

  test('member.joined goes to staff only', async () => {
    const [anonymous, plain, mod, adm] = await Promise.all([open(), open({ member }), open({ member: moderator }), open({ member: admin })]);
    const newcomer = await signUp(server, uniqueName('joiner'));
    for (const staff of [mod, adm]) {
      const event = await staff.next('member.joined', joinedAs(newcomer.username));
      assert.deepEqual(event.data, { memberId: newcomer.id, username: newcomer.username });
    }
    await quiet();
    assert.deepEqual(anonymous.of('member.joined'), []);
    assert.deepEqual(plain.of('member.joined'), []);
  });

  test('member.updated goes only to that member, on every connection they have', async () => {
    const { key } = await createApiKey(member, 'read');
    const [anonymous, self, selfViaKey, other, mod, adm] = await Promise.all([
      open(),
      open({ member }),
      open({ apiKey: key }),
      open({ member: otherMember }),
      open({ member: moderator }),
      open({ member: admin }),
    ]);
    const reply = await member.client.patch('/api/me', { bio: `updated at ${Date.now()}` });
    assert.equal(reply.status, 200);
    for (const own of [self, selfViaKey]) assert.deepEqual((await own.next('member.updated')).data, { memberId: member.id });
    await quiet();
    for (const stream of [anonymous, other, mod, adm]) assert.deepEqual(stream.of('member.updated'), []);
  });

  test('job.progress goes to staff only', async () => {
    const [anonymous, plain, mod, adm] = await Promise.all([open(), open({ member }), open({ member: moderator }), open({ member: admin })]);
    const jobId = await server.runtime.ctx.jobs.send('accounts.cleanup', {});
    const isThisJob = (data: unknown) => (data as { jobId?: string }).jobId === jobId;
    for (const staff of [mod, adm]) {
      const done = await staff.next('job.progress', (data) => isThisJob(data) && (data as { percent: number }).percent === 100, 15_000);
      assert.deepEqual(done.data, { jobId, queue: 'accounts.cleanup', percent: 100, message: 'done' });
    }
    await quiet();
    for (const stream of [anonymous, plain]) assert.deepEqual(stream.of('job.progress'), []);
  });

  test('logging out ends that session’s stream, and only that one', async () => {
    const second = await createMember(server, 'member');
    const otherSession = server.client();
    assert.equal((await otherSession.post('/api/session', { login: second.username, password: second.password })).status, 200);
    const stream = await open({ member: second });
    const keep = await open({ member: { ...second, client: otherSession } });
    assert.equal((await second.client.delete('/api/session')).status, 204);
    await stream.waitForEnd();
    await quiet();
    assert.equal(keep.isDone, false, 'the member’s other session keeps its stream');
  });

  test('a suspension ends every stream of the member', async () => {
    const target = await createMember(server, 'member');
    const { key } = await createApiKey(target, 'read');
    const [bySession, byKey] = await Promise.all([open({ member: target }), open({ apiKey: key })]);
    const reply = await moderator.client.post(`/api/admin/members/${target.id}/suspension`, { until: new Date(Date.now() + 3600_000).toISOString(), reason: 'testing' });
    assert.equal(reply.status, 200, reply.text);
    await Promise.all([bySession.waitForEnd(), byKey.waitForEnd()]);
    const again = await open({ apiKey: key });
    assert.equal(again.status, 401, 'a suspended member cannot reconnect');
  });

  test('revoking an API key ends the streams opened with it', async () => {
    const created = await createApiKey(moderator, 'admin');
    const viaKey = await open({ apiKey: created.key });
    const session = await open({ member: moderator });
    assert.equal((await moderator.client.delete(`/api/api-keys/${created.id}`)).status, 204);
    await viaKey.waitForEnd();
    const newcomer = await signUp(server);
    await session.next('member.joined', joinedAs(newcomer.username));
    assert.deepEqual(viaKey.of('member.joined').filter((e) => joinedAs(newcomer.username)(e.data)), [], 'a revoked key sees no more staff events');
    assert.equal(session.isDone, false, 'the session stream of the same member stays open');
    const reconnect = await open({ apiKey: created.key });
    assert.equal(reconnect.status, 401);
  });
});

describe('several processes (PostgreSQL + Redis)', { skip: testDbKind !== 'postgres' && 'needs PostgreSQL' }, () => {
  const redisEnv = (tag: string, extra: Record<string, string> = {}): Record<string, string> => ({
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `t${process.pid}x${Date.now()}${tag}:`,
    ...extra,
  });
  let a: TestServer;
  let b: TestServer;
  const streams: EventStream[] = [];
  const openOn = async (server: TestServer, credentials: { member?: TestMember; apiKey?: string } = {}): Promise<EventStream> => {
    const stream = await EventStream.open(server.url, credentials);
    streams.push(stream);
    return stream;
  };

  before(async () => {
    if (testDbKind !== 'postgres') return;
    const env = redisEnv('ev');
    a = await startTestServer({ env });
    b = await startTestServer({ env, database: a.database });
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await b?.close();
    await a?.close();
  });

  test('an event caused by an HTTP call on A reaches SSE viewers on B, by the same rules', async () => {
    const [moderator, member] = await Promise.all([createMember(b, 'moderator'), createMember(b, 'member')]);
    const [staffOnB, memberOnB, anonymousOnB] = await Promise.all([openOn(b, { member: moderator }), openOn(b, { member }), openOn(b)]);
    const newcomer = await signUp(a, uniqueName('remote'));
    const joined = await staffOnB.next('member.joined', joinedAs(newcomer.username));
    assert.deepEqual(joined.data, { memberId: newcomer.id, username: newcomer.username });

    const memberOnA = a.client();
    assert.equal((await memberOnA.post('/api/session', { login: member.username, password: member.password })).status, 200);
    assert.equal((await memberOnA.patch('/api/me', { displayName: 'Changed on A' })).status, 200);
    assert.deepEqual((await memberOnB.next('member.updated', aboutMember(member.id))).data, { memberId: member.id });
    const me = await member.client.get<{ displayName: string }>('/api/me');
    assert.equal(me.body.displayName, 'Changed on A', 'B dropped its cached profile');

    await quiet();
    assert.deepEqual(memberOnB.of('member.joined'), [], 'members do not get staff events from other processes');
    assert.deepEqual(anonymousOnB.of('member.joined'), []);
    assert.deepEqual(staffOnB.of('member.updated'), []);
  });

  test('a session logged out on A stops working on B at once, and its stream on B ends', async () => {
    const member = await createMember(a, 'member');
    const onB = b.client();
    for (const [name, value] of member.client.cookies) onB.cookies.set(name, value);
    const cached = await onB.get<{ id: number }>('/api/me');
    assert.equal(cached.status, 200, 'the session works on B (and is now cached there)');
    assert.equal(cached.body.id, member.id);
    const stream = await openOn(b, { member });
    assert.equal((await member.client.delete('/api/session')).status, 204);
    const after = await onB.get<ErrorReply>('/api/me');
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'unauthorized');
    await stream.waitForEnd();
  });

  test('an API key revoked on A stops working on B at once', async () => {
    const member = await createMember(a, 'member');
    const created = await createApiKey(member, 'read');
    assert.equal((await b.client().get('/api/me', { apiKey: created.key })).status, 200, 'the key works on B (and is now cached there)');
    assert.equal((await member.client.delete(`/api/api-keys/${created.id}`)).status, 204);
    const after = await b.client().get<ErrorReply>('/api/me', { apiKey: created.key });
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'unauthorized');
  });

  test('a settings change on A shows on B at once', async () => {
    const admin = await createMember(a, 'admin');
    assert.equal((await b.client().get('/api/site')).status, 200, 'B has the settings cached');
    const name = `Shared ${Date.now()}`;
    assert.equal((await admin.client.patch('/api/admin/settings', { siteName: name })).status, 200);
    const site = await b.client().get<{ name: string }>('/api/site');
    assert.equal(site.body.name, name);
  });

  describe('rate limits', () => {
    let ra: TestServer;
    let rb: TestServer;
    before(async () => {
      if (testDbKind !== 'postgres') return;
      const env = redisEnv('rl', { RATE_LIMIT_PER_MINUTE: '5' });
      ra = await startTestServer({ env });
      rb = await startTestServer({ env, database: ra.database });
    });
    after(async () => {
      await rb?.close();
      await ra?.close();
    });

    test('counters are shared: requests spread over A and B hit 429 after 5 in total', async () => {
      const member = await createMember(ra, 'member');
      const onB = rb.client();
      for (const [name, value] of member.client.cookies) onB.cookies.set(name, value);
      const clients = [member.client, onB];
      for (let i = 0; i < 5; i++) {
        const reply = await clients[i % 2]!.get('/api/me');
        assert.equal(reply.status, 200, `request ${i + 1}`);
      }
      for (const client of clients) {
        const limited = await client.get<ErrorReply>('/api/me');
        assert.equal(limited.status, 429);
        assert.equal(limited.body.error.code, 'rate_limited');
        const retryAfter = Number(limited.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After is ${limited.headers.get('retry-after')}`);
      }
      const other = await createMember(rb, 'member');
      assert.equal((await other.client.get('/api/me')).status, 200, 'another member is counted on their own');
    });
  });
});
