// A topic's GitHub issue as a small badge: "GitHub repo#12" (a link) with its state and sync state.
import { syncLabels, type GitHubLink } from './types';

export function GitHubBadge({ link }: { link: GitHubLink }) {
  const name = link.issueNumber === null ? `${link.repo} (creating issue)` : `${link.repo}#${link.issueNumber}`;
  return (
    <span class="github-badge" data-testid="github-badge">
      <span class="badge github-issue">
        {link.url ? (
          <a href={link.url} target="_blank" rel="noopener noreferrer">
            GitHub {name}
          </a>
        ) : (
          <>GitHub {name}</>
        )}
        {link.issueState && <span class="muted"> · {link.issueState}</span>}
      </span>
      {link.syncState !== 'synced' && (
        <span class={`badge github-sync github-sync-${link.syncState}`} data-testid="github-sync" title={link.lastError ?? undefined}>
          {syncLabels[link.syncState]}
        </span>
      )}
    </span>
  );
}
