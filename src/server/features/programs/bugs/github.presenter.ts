// Rows → the GitHub link as the API shows it.
import type { BugStatus } from '../../../platform/db/schema-bugs';
import type { GitHubLinkView } from './bugs.schema';

export interface LinkColumns {
  repo: string | null;
  issue_number: number | null;
  issue_url: string | null;
  issue_state: BugStatus | null;
}

/** staff: whether the viewer may read the last error (it can name internal hosts); others see that it failed. */
export function presentLink(row: LinkColumns, sync: { pending: boolean; error: string | null } | undefined, staff: boolean): GitHubLinkView | null {
  if (row.repo === null) return null;
  const pending = sync?.pending === true || row.issue_number === null;
  const syncState = pending ? 'pending' : sync?.error ? 'failed' : 'synced';
  return { repo: row.repo, issueNumber: row.issue_number, url: row.issue_url, issueState: row.issue_state, syncState, lastError: sync?.error ? (staff ? sync.error : 'The call to GitHub failed; staff see why') : null };
}
