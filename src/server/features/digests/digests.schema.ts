import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp } from '../../platform/http/schemas';
import { DIGEST_FREQUENCIES, UNSUBSCRIBE_PURPOSES } from './digests.rules';

export const DigestFrequency = Type.Union(DIGEST_FREQUENCIES.map((f) => Type.Literal(f)), {
  description: 'How often to email a summary of unread notifications and new topics while away: never · daily · weekly',
});

export const EmailPreferencesView = Type.Object(
  {
    digestFrequency: DigestFrequency,
    notifyWhenAway: Type.Boolean({ description: 'Email about mentions, replies and messages when away' }),
    lastDigestAt: NullableTimestamp,
    email: Type.String({ description: 'Where the emails go' }),
    mailEnabled: Type.Boolean({ description: 'False when this site sends no email at all (no SMTP)' }),
  },
  { $id: 'EmailPreferences' },
);
export type EmailPreferencesView = Static<typeof EmailPreferencesView>;

export const EmailPreferencesBody = Type.Object(
  {
    digestFrequency: DigestFrequency,
    notifyWhenAway: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type EmailPreferencesBody = Static<typeof EmailPreferencesBody>;

const Token = Type.String({ minLength: 1, maxLength: 200, description: 'The signed token from the emailed link' });

export const UnsubscribeQuery = Type.Object({ token: Type.Optional(Token) });
export type UnsubscribeQuery = Static<typeof UnsubscribeQuery>;

export const UnsubscribePreviewQuery = Type.Object({ token: Token });
export type UnsubscribePreviewQuery = Static<typeof UnsubscribePreviewQuery>;

/** JSON `{"token"}`, or the RFC 8058 form body `List-Unsubscribe=One-Click` with the token in the URL. */
export const UnsubscribeBody = Type.Object({
  token: Type.Optional(Token),
  'List-Unsubscribe': Type.Optional(Type.Literal('One-Click')),
});
export type UnsubscribeBody = Static<typeof UnsubscribeBody>;

const Purpose = Type.Union(UNSUBSCRIBE_PURPOSES.map((p) => Type.Literal(p)), { description: 'digest: the email digest · notifications: emails about mentions, replies and messages' });

export const UnsubscribePreview = Type.Object({
  purpose: Purpose,
  username: Type.String(),
  subscribed: Type.Boolean({ description: 'Whether those emails are on now' }),
});
export type UnsubscribePreview = Static<typeof UnsubscribePreview>;

export const UnsubscribeResult = Type.Object({ purpose: Purpose, unsubscribed: Type.Literal(true) });
export type UnsubscribeResult = Static<typeof UnsubscribeResult>;

export const DigestRunResult = Type.Object({ jobId: Type.String() });
