import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Page, PageQuery, Timestamp } from '../../platform/http/schemas';
import { Role } from './accounts.schema';

export const StaffMemberView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: Role,
  trustLevel: Type.Integer(),
  emailConfirmed: Type.Boolean(),
  joinedAt: Timestamp,
  lastSeenAt: NullableTimestamp,
  suspendedUntil: NullableTimestamp,
  suspensionReason: Type.Union([Type.String(), Type.Null()]),
});
export type StaffMemberView = Static<typeof StaffMemberView>;

export const StaffMemberQuery = Type.Composite(
  [
    PageQuery,
    Type.Object({
      q: Type.Optional(Type.String({ maxLength: 100, description: 'Start of a username or email' })),
      role: Type.Optional(Role),
    }),
  ],
  { additionalProperties: false },
);
export type StaffMemberQuery = Static<typeof StaffMemberQuery>;
export const StaffMemberPage = Page(StaffMemberView);

export const StaffMemberPatch = Type.Object(
  { role: Type.Optional(Role), trustLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type StaffMemberPatch = Static<typeof StaffMemberPatch>;

export const SuspensionBody = Type.Object(
  {
    until: Type.String({ format: 'date-time', description: 'When the suspension ends' }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type SuspensionBody = Static<typeof SuspensionBody>;
