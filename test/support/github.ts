// A local fake of the GitHub REST API (node:http on 127.0.0.1) for the bug relay's outbound calls, and
// signed webhook deliveries built from the real payloads in ../shared/samples/github (octokit/webhooks,
// MIT; see that folder's SOURCES.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { root } from './processes';

export interface FakeCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface FakeGitHub {
  url: string;
  calls: FakeCall[];
  /** The next `count` calls answer this status (or hang until the client gives up, with 'hang'). */
  failNext(count: number, status: number | 'hang'): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const calls: FakeCall[] = [];
  const failures: (number | 'hang')[] = [];
  let nextIssue = 1;
  let url = '';
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      const failure = failures.shift();
      if (failure === 'hang') return;
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (failure !== undefined) return send(failure, { message: `fake failure ${failure}` });
      const issues = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(request.url ?? '');
      if (request.method === 'POST' && issues) {
        const number = nextIssue++;
        return send(201, { number, state: 'open', html_url: `${url}/${issues[1]}/${issues[2]}/issues/${number}`, title: 'x' });
      }
      if (request.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(request.url ?? '')) return send(201, { id: calls.length });
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    calls,
    failNext: (count, status) => {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * webhook-issues.opened.json from the samples, with another action and issue (repository Codertocat/Hello-World),
 * updated now (or at `updatedAt`), as GitHub sends an event when it happens.
 */
export function issuePayload(action: string, issueNumber = 1, repo = 'Codertocat/Hello-World', updatedAt = new Date()): Buffer {
  const file = path.join(root, '..', 'shared', 'samples', 'github', 'webhook-issues.opened.json');
  const payload = JSON.parse(fs.readFileSync(file, 'utf8')) as { action: string; issue: { number: number; state: string; updated_at: string }; repository: { full_name: string } };
  payload.issue.updated_at = updatedAt.toISOString();
  payload.action = action;
  payload.issue.number = issueNumber;
  payload.issue.state = action === 'closed' ? 'closed' : 'open';
  payload.repository.full_name = repo;
  return Buffer.from(JSON.stringify(payload, null, 2));
}

export const sign = (secret: string, body: Buffer): string => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

/** POSTs the exact bytes to the webhook, signed with the secret (or with the given signature header). */
export async function deliver(baseUrl: string, body: Buffer, options: { secret?: string; signature?: string | null; event?: string; deliveryId?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-github-event': options.event ?? 'issues',
    'x-github-delivery': options.deliveryId ?? crypto.randomUUID(),
    'user-agent': 'GitHub-Hookshot/test',
  };
  const signature = options.signature === undefined ? sign(options.secret ?? '', body) : options.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  const response = await fetch(`${baseUrl}/api/integrations/github/webhook`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as { status?: string; message?: string; topicIds?: number[]; error?: { code: string } } | null };
}
