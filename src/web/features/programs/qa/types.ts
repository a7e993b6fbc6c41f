// Q&A shapes, taken from the generated API schema.
import type { paths } from '../../../api/schema';
import type { Success } from '../../../api/types';

export type TopicQa = Success<paths['/api/topics/{id}/qa']['get']>;
export type Question = Success<paths['/api/spaces/{id}/questions']['get']>['items'][number];
export type QuestionFilter = 'all' | 'unanswered' | 'answered';
