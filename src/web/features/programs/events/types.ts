// Event shapes, taken from the generated API schema.
import type { paths } from '../../../api/schema';
import type { Success } from '../../../api/types';

export type EventView = Success<paths['/api/events/{id}']['get']>;
export type EventPage = Success<paths['/api/spaces/{id}/events']['get']>;
export type RsvpView = Success<paths['/api/events/{id}/rsvp']['put']>;
export type RsvpChoice = 'going' | 'maybe' | 'not_going';
export type QuestionView = Success<paths['/api/events/{id}/questions']['get']>['items'][number];
export type AttendeeList = Success<paths['/api/events/{id}/attendees']['get']>;
