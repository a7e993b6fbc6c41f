import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Page, Timestamp } from '../../../platform/http/schemas';
import { inviteLimits as limits } from './invites.rules';

export const CreateInviteBody = Type.Object(
  {
    maxUses: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: limits.maxUsesMax }), Type.Null()], { description: 'How many sign-ups the link allows; null: any number until it expires. Default 1' }),
    ),
    expiresInDays: Type.Optional(Type.Integer({ minimum: limits.expiresInDaysMin, maximum: limits.expiresInDaysMax, description: `Days until the link expires (default ${limits.expiresInDaysDefault})` })),
    note: Type.Optional(Type.String({ maxLength: limits.noteMax, description: 'A reminder for yourself: who the link is for' })),
  },
  { additionalProperties: false },
);
export type CreateInviteBody = Static<typeof CreateInviteBody>;

const InviteStatus = Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked'), Type.Literal('used_up')]);

export const InvitedMember = Type.Object({
  id: Type.Integer(),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  joinedAt: Timestamp,
});

export const InviteView = Type.Object({
  id: Type.Integer(),
  hint: Type.String({ description: 'The first characters of the code; the full link is only shown when the invite is made' }),
  note: Type.String(),
  maxUses: Type.Union([Type.Integer(), Type.Null()]),
  uses: Type.Integer(),
  status: InviteStatus,
  expiresAt: Timestamp,
  revokedAt: NullableTimestamp,
  createdAt: Timestamp,
  members: Type.Array(InvitedMember, { description: 'Who joined through the invite, oldest first' }),
});
export type InviteView = Static<typeof InviteView>;

export const CreatedInvite = Type.Composite([
  InviteView,
  Type.Object({
    code: Type.String({ description: 'The invite code; shown once: only its hash is kept' }),
    url: Type.String({ description: 'The sign-up link to share' }),
  }),
]);
export type CreatedInvite = Static<typeof CreatedInvite>;

export const InvitePage = Page(InviteView);
export type InvitePage = Static<typeof InvitePage>;

export const InviteListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type InviteListQuery = Static<typeof InviteListQuery>;

export const InviteCodeParam = Type.Object({ code: Type.String({ minLength: 10, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });

export const InviteLookup = Type.Object({
  valid: Type.Literal(true),
  inviter: Type.Object({ displayName: Type.String() }),
  expiresAt: Timestamp,
});
export type InviteLookup = Static<typeof InviteLookup>;

export const AdvocatesQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 90, description: 'Count sign-ups of the last this many days' })),
});
export type AdvocatesQuery = Static<typeof AdvocatesQuery>;

export const Advocate = Type.Object({
  member: Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String() }),
  invited: Type.Integer({ description: 'Members who joined through their invites in the period' }),
  active: Type.Integer({ description: `Of those, members who did something or visited in the last ${limits.activeDays} days` }),
});

export const AdvocatesView = Type.Object({ days: Type.Integer(), activeDays: Type.Integer(), items: Type.Array(Advocate) });
export type AdvocatesView = Static<typeof AdvocatesView>;
