// Shapes of the invites API, from the generated schema.
import type { Success } from '../../../api/types';
import type { paths } from '../../../api/schema';

export type Invite = Success<paths['/api/invites']['get']>['items'][number];
export type CreatedInvite = Success<paths['/api/invites']['post']>;
export type Advocates = Success<paths['/api/invites/advocates']['get']>;
export type InviteLookup = Success<paths['/api/invites/{code}']['get']>;
