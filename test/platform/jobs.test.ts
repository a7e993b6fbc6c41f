// Background jobs: queued work runs, its progress is recorded and announced on the event bus, staff
// can watch it over HTTP, and failing work is retried with backoff until it is marked failed.
// Jobs are defined before the queue starts, so this file assembles its own runtime with test queues.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { DomainEvents } from '../../src/server/platform/events';
import type { JobContext } from '../../src/server/platform/jobs/jobs';
import { createLogger } from '../../src/server/platform/logger';
import { startRuntime } from '../../src/server/runtime';
import { Client } from '../support/client';
import { freshDatabase } from '../support/databases';
import { createApiKey, createMember, type TestMember } from '../support/members';
import type { TestServer } from '../support/server';

interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

interface JobStatus {
  id: string;
  queue: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  percent: number;
  message: string;
  retryCount: number;
  createdAt: string;
  completedAt: string | null;
}

type ProgressEvent = DomainEvents['job.progress'];

/** A gate a job waits on until the test opens it. */
class Gate {
  readonly opened: Promise<void>;
  open: () => void = () => undefined;
  constructor() {
    this.opened = new Promise((resolve) => {
      this.open = resolve;
    });
  }
}

const gates = new Map<string, { started: Gate; release: Gate }>();
const flakyAttempts: { at: number; retryCount: number; jobId: string }[] = [];
const progressEvents: ProgressEvent[] = [];

async function stepped(data: { key: string }, job: JobContext): Promise<{ ok: true }> {
  const gate = gates.get(data.key);
  await job.progress(25, 'a quarter');
  gate?.started.open();
  await gate?.release.opened;
  await job.progress(75, 'three quarters');
  return { ok: true };
}

async function flaky(_data: object, job: JobContext): Promise<never> {
  flakyAttempts.push({ at: Date.now(), retryCount: job.retryCount, jobId: job.jobId });
  await job.progress(10, `attempt ${job.retryCount + 1}`);
  throw new Error('this job always fails');
}

/** Like startTestServer, but with the test queues defined before the job queue starts. */
async function startJobServer(): Promise<TestServer> {
  const database = await freshDatabase();
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000', ...database.env });
  const runtime = await startRuntime(config, createLogger('silent'), { runJobs: true, deferJobs: true });
  runtime.ctx.jobs.define({ queue: 'test.stepped', handler: stepped, retryLimit: 0 });
  runtime.ctx.jobs.define({ queue: 'test.fast', handler: async () => ({ fast: true }), retryLimit: 0 });
  runtime.ctx.jobs.define({ queue: 'test.flaky', handler: flaky, retryLimit: 2, retryDelaySeconds: 1 });
  await runtime.startJobs();
  const app = await buildApp(runtime);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    runtime,
    app,
    database,
    logs: [],
    client: () => new Client(url),
    close: async () => {
      runtime.services.realtime.close();
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let server: TestServer;
let member: TestMember;
let moderator: TestMember;
let admin: TestMember;

before(async () => {
  server = await startJobServer();
  server.runtime.ctx.bus.on('job.progress', (event) => {
    progressEvents.push(event);
  });
  [member, moderator, admin] = await Promise.all([createMember(server, 'member'), createMember(server, 'moderator'), createMember(server, 'admin')]);
});
after(() => server?.close());

async function statusOf(jobId: string): Promise<JobStatus> {
  const reply = await admin.client.get<JobStatus>(`/api/admin/jobs/${jobId}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body;
}

const waitForState = (jobId: string, states: JobStatus['state'][], timeoutMs?: number): Promise<JobStatus> =>
  waitFor(`job ${jobId} to be ${states.join(' or ')}`, async () => {
    const status = await statusOf(jobId);
    return states.includes(status.state) ? status : undefined;
  }, timeoutMs);

describe('running jobs', () => {
  test('a queued job runs; its progress goes 0 → 25 → 75 → 100 "done", in the table and on the bus', async () => {
    const key = crypto.randomUUID();
    const gate = { started: new Gate(), release: new Gate() };
    gates.set(key, gate);
    const jobId = await server.runtime.ctx.jobs.send('test.stepped', { key });
    assert.match(jobId, /^[0-9a-f-]{36}$/);

    await gate.started.opened;
    const running = await statusOf(jobId);
    assert.equal(running.state, 'active');
    assert.equal(running.percent, 25);
    assert.equal(running.message, 'a quarter');
    assert.equal(running.completedAt, null);

    gate.release.open();
    const done = await waitForState(jobId, ['completed', 'failed']);
    assert.equal(done.state, 'completed');
    assert.equal(done.percent, 100);
    assert.equal(done.message, 'done');
    assert.equal(done.queue, 'test.stepped');
    assert.equal(done.retryCount, 0);
    assert.ok(done.completedAt && Date.parse(done.completedAt) >= Date.parse(done.createdAt));

    const row = await server.runtime.ctx.database.db.selectFrom('job_progress').selectAll().where('job_id', '=', jobId).executeTakeFirstOrThrow();
    assert.equal(row.percent, 100);
    assert.equal(row.message, 'done');
    assert.equal(row.queue, 'test.stepped');

    const events = progressEvents.filter((e) => e.jobId === jobId);
    assert.deepEqual(events, [
      { jobId, queue: 'test.stepped', percent: 25, message: 'a quarter' },
      { jobId, queue: 'test.stepped', percent: 75, message: 'three quarters' },
      { jobId, queue: 'test.stepped', percent: 100, message: 'done' },
    ]);
  });

  test('a job just queued is recorded at 0 % "queued"', async () => {
    const key = crypto.randomUUID();
    const gate = { started: new Gate(), release: new Gate() };
    gates.set(key, gate);
    const jobId = await server.runtime.ctx.jobs.send('test.stepped', { key }, { startAfterSeconds: 3600 });
    const status = await statusOf(jobId);
    assert.equal(status.state, 'created');
    assert.equal(status.percent, 0);
    assert.equal(status.message, 'queued');
    gate.release.open();
  });

  test('progress a fast worker reported is not overwritten by the "queued" record of send()', async () => {
    // Hold send() right after the job row is inserted until the worker has finished the job: the
    // queue then records "queued" last, which must not wipe out the finished job's progress.
    const database = server.runtime.ctx.database;
    const raw = database.raw.bind(database);
    let insertedId: string | undefined;
    const finished = new Gate();
    server.runtime.ctx.bus.on('job.progress', (event) => {
      if (event.jobId === insertedId && event.percent === 100) finished.open();
    });
    database.raw = async (sql, params) => {
      const result = await raw(sql, params);
      if (/insert into \S+\.job\s*\(/i.test(sql) && params?.[1] === 'test.fast') {
        insertedId = String(result.rows[0]?.id);
        await Promise.race([finished.opened, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      return result;
    };
    let jobId: string;
    try {
      jobId = await server.runtime.ctx.jobs.send('test.fast', {});
    } finally {
      database.raw = raw;
    }
    assert.equal(jobId, insertedId);
    const status = await waitForState(jobId, ['completed', 'failed']);
    assert.equal(status.state, 'completed');
    assert.equal(status.percent, 100);
    assert.equal(status.message, 'done');
  });

  test('the built-in accounts.cleanup job runs to completion', async () => {
    const jobId = await server.runtime.ctx.jobs.send('accounts.cleanup', {});
    const done = await waitForState(jobId, ['completed', 'failed']);
    assert.equal(done.state, 'completed');
    assert.equal(done.percent, 100);
    assert.equal(done.queue, 'accounts.cleanup');
    const events = progressEvents.filter((e) => e.jobId === jobId).map((e) => e.percent);
    assert.deepEqual(events, [50, 100]);
  });

  test('sending to an undefined queue fails loudly', async () => {
    await assert.rejects(server.runtime.ctx.jobs.send('test.nope', {}), /Unknown job queue test\.nope/);
  });

  test('a failing job is retried with growing delays and ends failed', { timeout: 60_000 }, async () => {
    const jobId = await server.runtime.ctx.jobs.send('test.flaky', {});
    const failed = await waitForState(jobId, ['failed', 'completed'], 45_000);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.retryCount, 2);
    assert.ok(failed.completedAt, 'a failed job has an end time');
    assert.equal(failed.percent, 10, 'the progress of the last attempt is kept');
    assert.equal(failed.message, 'attempt 3');

    const attempts = flakyAttempts.filter((a) => a.jobId === jobId);
    assert.deepEqual(attempts.map((a) => a.retryCount), [0, 1, 2], 'one first try and two retries');
    const [first, second, third] = attempts.map((a) => a.at) as [number, number, number];
    // Backoff: the n-th retry waits retryDelay · 2^(n-1) · (1 to 2) seconds, polled every second.
    assert.ok(second - first >= 900, `first retry after ${second - first} ms`);
    assert.ok(third - second >= 1900, `second retry after ${third - second} ms, at least twice the base delay`);
    assert.ok(!progressEvents.some((e) => e.jobId === jobId && e.percent === 100), 'a failed job never reports done');
  });
});

describe('GET /api/admin/jobs/:id', () => {
  let jobId: string;
  before(async () => {
    jobId = await server.runtime.ctx.jobs.send('test.fast', {});
    await waitForState(jobId, ['completed']);
  });

  test('401 without credentials', async () => {
    const reply = await server.client().get<ErrorReply>(`/api/admin/jobs/${jobId}`);
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error.code, 'unauthorized');
  });

  test('400 invalid_request for an id that is not a UUID', async () => {
    const reply = await admin.client.get<ErrorReply>('/api/admin/jobs/not-a-uuid');
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'invalid_request');
    assert.equal(reply.body.error.field, 'id');
  });

  test('403 for a member, and for a key without the admin scope', async () => {
    const reply = await member.client.get<ErrorReply>(`/api/admin/jobs/${jobId}`);
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'forbidden');
    const { key } = await createApiKey(admin, 'read');
    const scoped = await server.client().get<ErrorReply>(`/api/admin/jobs/${jobId}`, { apiKey: key });
    assert.equal(scoped.status, 403);
    assert.equal(scoped.body.error.code, 'insufficient_scope');
  });

  test('404 for an unknown job', async () => {
    const reply = await admin.client.get<ErrorReply>(`/api/admin/jobs/${crypto.randomUUID()}`);
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'not_found');
  });

  test('200 for a moderator and an admin: completed, 100 %', async () => {
    for (const staff of [moderator, admin]) {
      const reply = await staff.client.get<JobStatus>(`/api/admin/jobs/${jobId}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.id, jobId);
      assert.equal(reply.body.queue, 'test.fast');
      assert.equal(reply.body.state, 'completed');
      assert.equal(reply.body.percent, 100);
      assert.equal(reply.body.message, 'done');
      assert.equal(reply.body.retryCount, 0);
      assert.ok(!Number.isNaN(Date.parse(reply.body.createdAt)));
      assert.ok(reply.body.completedAt && !Number.isNaN(Date.parse(reply.body.completedAt)));
    }
    const { key } = await createApiKey(moderator, 'admin');
    const viaKey = await server.client().get<JobStatus>(`/api/admin/jobs/${jobId}`, { apiKey: key });
    assert.equal(viaKey.status, 200);
    assert.equal(viaKey.body.state, 'completed');
  });
});
