import type { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
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
export type AuditEntryView = Static<typeof AuditEntryView>;

/** Search filters shared by the list and the export. */
export const AuditFilters = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100, description: 'Exactly this action, e.g. member.suspend' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in the action, target type or id, reason or actor\'s username (case-insensitive)' })),
  actorId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or before this time' })),
});
export type AuditFilters = Static<typeof AuditFilters>;

export const AuditQuery = Type.Composite([PageQuery, AuditFilters], { additionalProperties: false });
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Page(AuditEntryView);
export type AuditPage = Static<typeof AuditPage>;

export const AuditExportQuery = Type.Composite(
  [Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'csv' })) }), AuditFilters],
  { additionalProperties: false },
);
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** Streamed: typed as the stream the handler sends, documented as text. */
export const AuditExportFile = Type.Unsafe<Readable>({ type: 'string', description: 'CSV with a header row (text/csv), or one JSON entry per line (application/x-ndjson)' });
