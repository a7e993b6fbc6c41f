// The few GitHub REST calls the relay makes, through the outbound guard (no private addresses,
// 10 s timeout). Failures say whether a retry could help (timeouts, network errors, 5xx, 429).
import { OutboundError, type Outbound } from '../../../platform/net';
import { isTransientStatus } from './github.rules';

export class GitHubCallError extends Error {
  readonly transient: boolean;
  readonly status: number | null;

  constructor(message: string, transient: boolean, status: number | null) {
    super(message);
    this.name = 'GitHubCallError';
    this.transient = transient;
    this.status = status;
  }
}

export interface CreatedIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
}

export interface GitHubClient {
  createIssue(token: string, repo: string, title: string, body: string): Promise<CreatedIssue>;
  comment(token: string, repo: string, number: number, body: string): Promise<void>;
}

function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 120);
}

export function createGitHubClient(outbound: Outbound, apiUrl: string): GitHubClient {
  async function call(token: string, method: 'POST', path: string, payload: unknown): Promise<unknown> {
    let answer;
    try {
      answer = await outbound({
        method,
        url: `${apiUrl}${path}`,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'user-agent': 'Hearth',
          'x-github-api-version': '2022-11-28',
        },
        body: JSON.stringify(payload),
      });
    } catch (error) {
      if (error instanceof OutboundError) throw new GitHubCallError(`GitHub: ${error.message}`, error.kind === 'timeout' || error.kind === 'network', null);
      throw error;
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new GitHubCallError(`GitHub answered ${answer.status}: ${messageOf(answer.text)}`, isTransientStatus(answer.status), answer.status);
    }
    try {
      return JSON.parse(answer.text) as unknown;
    } catch {
      throw new GitHubCallError('GitHub answered with something that is not JSON', true, answer.status);
    }
  }

  const encode = (repo: string) => repo.split('/').map(encodeURIComponent).join('/');

  return {
    async createIssue(token, repo, title, body) {
      const issue = (await call(token, 'POST', `/repos/${encode(repo)}/issues`, { title, body })) as { number?: unknown; html_url?: unknown; state?: unknown };
      if (typeof issue.number !== 'number' || typeof issue.html_url !== 'string' || !/^https?:\/\//.test(issue.html_url)) throw new GitHubCallError('GitHub did not answer with an issue', false, null);
      return { number: issue.number, url: issue.html_url, state: issue.state === 'closed' ? 'closed' : 'open' };
    },
    async comment(token, repo, number, body) {
      await call(token, 'POST', `/repos/${encode(repo)}/issues/${number}/comments`, { body });
    },
  };
}
