// Ideas board shapes, taken from the generated API schema, and the status labels.
import type { paths } from '../../../api/schema';
import type { Success } from '../../../api/types';

export type Idea = Success<paths['/api/ideas/{id}']['get']>;
export type IdeaSummary = Success<paths['/api/spaces/{id}/ideas']['get']>['items'][number];
export type IdeaVote = Success<paths['/api/ideas/{id}/vote']['post']>;
export type Roadmap = Success<paths['/api/spaces/{id}/roadmap']['get']>;
export type IdeaStatus = Idea['status'];
export type IdeaSort = 'votes' | 'trending' | 'new';

export const statusLabels: Record<IdeaStatus, string> = {
  open: 'Open',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
  duplicate: 'Duplicate',
};

/** The statuses staff can set by hand (duplicate comes from merging). */
export const settableStatuses: IdeaStatus[] = ['open', 'under_review', 'planned', 'in_progress', 'done', 'declined'];

export const roadmapPath = (space: { id: number; slug: string }): string => `/s/${encodeURIComponent(space.slug || 'space')}/${space.id}/roadmap`;

export const votesLabel = (n: number): string => `${n} ${n === 1 ? 'vote' : 'votes'}`;
