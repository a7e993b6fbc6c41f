import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../platform/http/schemas';

export const Username = Type.String({
  minLength: 2,
  maxLength: 30,
  pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_]$',
  description: '2–30 letters, digits, _ . or -; starts and ends with a letter, digit or _',
});
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 256, description: 'At least 8 characters' });
/** Shown on one line wherever the member appears: no line breaks, tabs or other control characters. */
const DisplayName = Type.String({ maxLength: 60, pattern: '^[^\\u0000-\\u001F\\u007F]*$', description: 'Up to 60 characters on one line (no control characters)' });
const AvatarUrl = Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' });

export const Role = Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]);

export const MeView = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    bio: Type.String(),
    avatarUrl: Type.Union([Type.String(), Type.Null()]),
    location: Type.String(),
    company: Type.String(),
    role: Role,
    trustLevel: Type.Integer(),
    emailConfirmed: Type.Boolean(),
    guidelinesVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'The guidelines version this member accepted' }),
    joinedAt: Timestamp,
  },
  { $id: 'Me', description: 'The signed-in member, with private fields' },
);
export type MeView = Static<typeof MeView>;

export const PublicMember = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    bio: Type.String(),
    avatarUrl: Type.Union([Type.String(), Type.Null()]),
    location: Type.String(),
    company: Type.String(),
    role: Role,
    trustLevel: Type.Integer(),
    joinedAt: Timestamp,
    lastSeenAt: NullableTimestamp,
  },
  { $id: 'PublicMember' },
);
export type PublicMember = Static<typeof PublicMember>;

export const SignupBody = Type.Object(
  {
    username: Username,
    email: Email,
    password: Password,
    acceptGuidelines: Type.Boolean({ description: 'Must be true: the member accepts the current community guidelines' }),
    displayName: Type.Optional(DisplayName),
    inviteCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A personal invite code (programs/invites): the sign-up is attributed to its inviter; an invalid one is 400 invite_invalid' })),
  },
  { additionalProperties: false },
);
export type SignupBody = Static<typeof SignupBody>;

export const SignupResponse = Type.Composite([
  MeView,
  Type.Object({
    csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Null when the email must be confirmed before signing in' }),
    emailConfirmationRequired: Type.Boolean(),
    approvalRequired: Type.Boolean({ description: 'The community approves new members: a moderator must approve the account before it can sign in' }),
  }),
]);

export const LoginBody = Type.Object(
  { login: Type.String({ minLength: 1, maxLength: 254, description: 'Username or email' }), password: Password },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionView = Type.Object({
  csrfToken: Type.String({ description: 'Send it as X-CSRF-Token on every write made with the session cookie' }),
  expiresAt: Timestamp,
  member: MeView,
});

export const ProfilePatch = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    bio: Type.Optional(Type.String({ maxLength: 2000 })),
    avatarUrl: Type.Optional(Type.Union([AvatarUrl, Type.Null()])),
    location: Type.Optional(Type.String({ maxLength: 100 })),
    company: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProfilePatch = Static<typeof ProfilePatch>;

export const PasswordChange = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const PasswordResetRequest = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetConfirm = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, { additionalProperties: false });
export const EmailConfirm = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });
export const EmailResend = Type.Object({ email: Email }, { additionalProperties: false });
export const Accepted = Type.Object({ status: Type.Literal('accepted') });
export const UsernameParam = Type.Object({ username: Type.String({ minLength: 1, maxLength: 30 }) });
