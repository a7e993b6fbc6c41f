import { Type } from '@sinclair/typebox';
import { Page, PageQuery, Timestamp } from '../../platform/http/schemas';

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  at: Timestamp,
});

export const AuditQuery = Type.Composite([PageQuery, Type.Object({ action: Type.Optional(Type.String({ maxLength: 100 })) })], { additionalProperties: false });
export const AuditPage = Page(AuditEntryView);
