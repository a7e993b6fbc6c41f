// Knowledge base, announcement and scheduling shapes, taken from the generated API schema.
import type { paths } from '../../../api/schema';
import type { Success } from '../../../api/types';

export type Article = Success<paths['/api/articles/{id}']['get']>;
export type ArticleSummary = Success<paths['/api/spaces/{id}/articles']['get']>['items'][number];
export type ArticleSort = 'title' | 'reviewed' | 'helpful';
export type Announcement = Success<paths['/api/announcements']['get']>['items'][number];
export type ActiveAnnouncement = Success<paths['/api/announcements/active']['get']>['items'][number];
export type ScheduledItem = Success<paths['/api/scheduled']['get']>['items'][number];
export type ScheduleBody = NonNullable<paths['/api/scheduled']['post']['requestBody']>['content']['application/json'];
export type AnnouncementBody = NonNullable<paths['/api/announcements']['post']['requestBody']>['content']['application/json'];

/** "67% found it helpful (3 answers)", or null without answers. */
export function helpfulLabel(helpful: { yes: number; no: number }, share: number | null): string | null {
  if (share === null) return null;
  const total = helpful.yes + helpful.no;
  return `${Math.round(share * 100)}% found it helpful (${total} ${total === 1 ? 'answer' : 'answers'})`;
}

/** A datetime-local value (the viewer's wall clock) as an ISO instant; '' stays undefined. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** An instant as a datetime-local value in the viewer's time zone. */
export function toLocalInput(iso: string | Date): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
