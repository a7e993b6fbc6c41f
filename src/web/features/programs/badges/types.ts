// Badge and leaderboard shapes, taken from the generated API schema.
import type { paths } from '../../../api/schema';
import type { Success } from '../../../api/types';

export type Badge = Success<paths['/api/badges']['get']>['items'][number];
export type MemberBadges = Success<paths['/api/users/{username}/badges']['get']>;
export type Leaderboard = Success<paths['/api/leaderboard']['get']>;
export type LeaderboardPeriod = 'week' | 'month' | 'year' | 'all';
