// Shapes of the onboarding API, from the generated schema.
import type { Success } from '../../../api/types';
import type { paths } from '../../../api/schema';

export type Onboarding = Success<paths['/api/me/onboarding']['get']>;
export type NewcomersPage = Success<paths['/api/onboarding/newcomers']['get']>;
export type NewcomerTopic = NewcomersPage['items'][number];
