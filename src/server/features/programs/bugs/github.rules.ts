// Pure decisions of the GitHub relay: issue URLs, repository names, the bug report's Markdown, the
// comment Hearth leaves on an issue, and which GitHub failures are worth a retry.
import crypto from 'node:crypto';

export const repoPattern = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

export interface IssueRef {
  repo: string;
  number: number;
  url: string;
}

/** The hosts an issue's web page may be on: github.com, and the host of a GitHub Enterprise API URL. */
export function issueHosts(apiUrl: string): string[] {
  const api = new URL(apiUrl);
  return api.host === 'api.github.com' ? ['github.com', 'www.github.com'] : ['github.com', 'www.github.com', api.host.toLowerCase()];
}

/** The web address of an issue, from the API base URL (https://api.github.com → https://github.com). */
export function issueWebUrl(apiUrl: string, repo: string, number: number): string {
  const api = new URL(apiUrl);
  const base = api.host === 'api.github.com' ? 'https://github.com' : `${api.protocol}//${api.host}`;
  return `${base}/${repo}/issues/${number}`;
}

/** `https://github.com/owner/name/issues/12` → its repository and number; anything else: a problem. */
export function parseIssueUrl(raw: string, hosts: readonly string[]): IssueRef | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: 'url is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'url must be an http(s) URL' };
  if (!hosts.includes(url.host.toLowerCase())) return { problem: `url must be an issue on ${hosts[0] ?? 'GitHub'}` };
  const match = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/issues\/(\d{1,9})\/?$/.exec(url.pathname);
  if (!match?.[1] || !match[2] || !match[3]) return { problem: 'url must look like https://github.com/OWNER/REPO/issues/NUMBER' };
  const number = Number(match[3]);
  if (number < 1) return { problem: 'the issue number must be positive' };
  const repo = `${match[1]}/${match[2]}`;
  return { repo, number, url: `${url.protocol}//${url.host}/${repo}/issues/${number}` };
}

export interface BugFields {
  steps: string;
  expected: string;
  actual: string;
  version: string;
}

/** The first post of a bug report: the template's fields under headings. */
export function composeBugMarkdown(fields: BugFields): string {
  return [
    '### Steps to reproduce',
    fields.steps.trim(),
    '',
    '### Expected behaviour',
    fields.expected.trim(),
    '',
    '### Actual behaviour',
    fields.actual.trim(),
    '',
    '### Version',
    fields.version.trim(),
    '',
  ].join('\n');
}

/** The body of an issue created from a topic: the report's text and where it came from. */
export function issueBody(markdown: string, topicUrl: string): string {
  return `${markdown.trim()}\n\n---\nReported on Hearth: ${topicUrl}`;
}

/** The comment Hearth leaves on the issue when staff change the report's or idea's status. */
export function statusComment(what: 'bug report' | 'idea', status: string, comment: string, topicUrl: string): string {
  const said = comment.trim() === '' ? '' : `\n\n> ${comment.trim().split('\n').join('\n> ')}`;
  return `The linked ${what} on Hearth is now **${status.replace(/_/g, ' ')}**.${said}\n\n${topicUrl}`;
}

/** Timeouts, network errors, 5xx, 408 and 429 are retried; other answers will not get better. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** `sha256=` + hex HMAC of the exact body, compared in constant time. */
export function verifySignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`);
  const sent = Buffer.from(header);
  return sent.length === expected.length && crypto.timingSafeEqual(sent, expected);
}

export interface IssueEvent {
  action: string;
  repo: string;
  number: number;
  state: 'open' | 'closed' | null;
  url: string | null;
  sender: string | null;
  /** The issue's updated_at: when the event happened, as signed by GitHub. */
  updatedAt: Date | null;
}

/**
 * How long a delivery's digest is remembered (a signed payload replayed later is caught by it). Events
 * older than this are refused by age instead, so older digests can be pruned. GitHub redelivers for 3 days.
 */
export const DELIVERY_MEMORY_DAYS = 30;
const DAY_MS = 86_400_000;

/** An event whose issue changed longer ago than deliveries are remembered: a replay, never applied. */
export function isStaleEvent(event: Pick<IssueEvent, 'updatedAt'>, now: Date): boolean {
  return event.updatedAt !== null && now.getTime() - event.updatedAt.getTime() > DELIVERY_MEMORY_DAYS * DAY_MS;
}

/** Deliveries received before this are forgotten: anything that old is refused as stale anyway (with a day to spare for clock skew). */
export const forgetDeliveriesBefore = (now: Date): Date => new Date(now.getTime() - (DELIVERY_MEMORY_DAYS + 1) * DAY_MS);

const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** The parts of an `issues` delivery the relay uses, or null when the payload lacks them. */
export function readIssueEvent(payload: unknown): IssueEvent | null {
  const body = record(payload);
  const issue = record(body?.issue);
  const repository = record(body?.repository);
  const sender = record(body?.sender);
  if (!body || !issue || !repository) return null;
  const { action } = body;
  const number = issue.number;
  const repo = repository.full_name;
  // The number must fit github_links.issue_number (integer), or the lookup fails instead of finding nothing.
  if (typeof action !== 'string' || typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 2_147_483_647 || typeof repo !== 'string' || !repoPattern.test(repo)) return null;
  const state = issue.state === 'open' || issue.state === 'closed' ? issue.state : null;
  const updated = typeof issue.updated_at === 'string' ? new Date(issue.updated_at) : null;
  return {
    action, repo, number, state,
    url: typeof issue.html_url === 'string' ? issue.html_url : null,
    sender: typeof sender?.login === 'string' ? sender.login : null,
    updatedAt: updated && !Number.isNaN(updated.getTime()) ? updated : null,
  };
}
