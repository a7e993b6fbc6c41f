import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../../platform/http/schemas';

const ChecklistKey = Type.Union([Type.Literal('profile'), Type.Literal('guidelines'), Type.Literal('introduce'), Type.Literal('first_reply')]);

export const OnboardingView = Type.Object({
  items: Type.Array(Type.Object({ key: ChecklistKey, label: Type.String(), done: Type.Boolean(), href: Type.String({ description: 'Where in the app to do it' }) })),
  done: Type.Integer({ description: 'Items done' }),
  total: Type.Integer(),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'Percent of the items done' }),
  complete: Type.Boolean(),
  dismissed: Type.Boolean({ description: 'The member hid the card' }),
  canHelp: Type.Boolean({ description: 'Whether the member may see the newcomers\' queue (staff or the helpers group)' }),
});
export type OnboardingView = Static<typeof OnboardingView>;

export const OnboardingPatch = Type.Object({ dismissed: Type.Boolean({ description: 'true hides the "start here" card; false shows it again' }) }, { additionalProperties: false });
export type OnboardingPatch = Static<typeof OnboardingPatch>;

export const NewcomersQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type NewcomersQuery = Static<typeof NewcomersQuery>;

export const NewcomerTopic = Type.Object({
  topic: Type.Object({ id: Type.Integer(), title: Type.String(), slug: Type.String(), spaceId: Type.Integer(), createdAt: Timestamp }),
  space: Type.Object({ id: Type.Integer(), name: Type.String(), slug: Type.String() }),
  author: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String(), joinedAt: Timestamp }),
  ageHours: Type.Number({ description: 'Hours since the topic was started' }),
  overdue: Type.Boolean({ description: 'Older than newcomerResponseHours with no reply' }),
});
export type NewcomerTopic = Static<typeof NewcomerTopic>;

export const NewcomersPage = Type.Object({
  items: Type.Array(NewcomerTopic),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  responseHours: Type.Integer(),
  newcomerDays: Type.Integer(),
  overdue: Type.Integer({ description: 'Overdue topics on this page' }),
});
export type NewcomersPage = Static<typeof NewcomersPage>;
