import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas';

const GroupName = Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9][a-z0-9_-]*$', description: 'Lower-case letters, digits, _ and -' });

export const GroupView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  builtIn: Type.Boolean({ description: 'Built-in groups get their members from roles and trust levels' }),
  memberCount: Type.Union([Type.Integer(), Type.Null()], { description: 'Null for built-in groups' }),
  createdAt: Timestamp,
});
export type GroupView = Static<typeof GroupView>;

export const GroupList = Type.Object({ items: Type.Array(GroupView) });
export const CreateGroupBody = Type.Object({ name: GroupName, description: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type CreateGroupBody = Static<typeof CreateGroupBody>;
export const PatchGroupBody = Type.Object(
  { name: Type.Optional(GroupName), description: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchGroupBody = Static<typeof PatchGroupBody>;

export const GroupMemberView = Type.Object({ memberId: Type.Integer(), username: Type.String(), displayName: Type.String(), addedAt: Timestamp });
export const GroupMemberList = Type.Object({ items: Type.Array(GroupMemberView) });
export const AddGroupMemberBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 30 }) }, { additionalProperties: false });
export const GroupMemberParams = Type.Object({ id: Type.Integer({ minimum: 1 }), memberId: Type.Integer({ minimum: 1 }) });
