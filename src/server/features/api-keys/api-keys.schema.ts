import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../platform/http/schemas';

export const Scope = Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('admin')], {
  description: 'read: GET only; write: also writes as the member; admin: also staff calls (staff members only)',
});

export const ApiKeyView = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
  scope: Scope,
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
});
export type ApiKeyView = Static<typeof ApiKeyView>;

export const CreatedApiKey = Type.Composite([ApiKeyView, Type.Object({ key: Type.String({ description: 'Shown once; only its hash is stored' }) })]);
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    scope: Scope,
    memberId: Type.Optional(Type.Integer({ minimum: 1, description: 'Admins may create a key for another member' })),
  },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyView) });
export const ApiKeyListQuery = Type.Object(
  {
    memberId: Type.Optional(Type.Integer({ minimum: 1, description: 'Admins may list another member\'s keys' })),
    includeRevoked: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
