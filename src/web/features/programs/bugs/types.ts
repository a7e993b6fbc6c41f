// Bug report and GitHub link shapes, taken from the generated API schema.
import type { paths } from '../../../api/schema';
import type { Success } from '../../../api/types';

export type BugReport = Success<paths['/api/bug-reports/{id}']['get']>;
export type BugStatus = BugReport['status'];
export type GitHubLink = NonNullable<Success<paths['/api/topics/{id}/github-link']['get']>['link']>;
export type GitHubSettings = Success<paths['/api/admin/github']['get']>;

export const syncLabels: Record<GitHubLink['syncState'], string> = { synced: 'synced', pending: 'sync pending', failed: 'sync failed' };
