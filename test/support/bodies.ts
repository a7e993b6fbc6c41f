// Reply shapes for tests, taken from the OpenAPI-generated types the web app uses too.
import type { Static } from '@sinclair/typebox';
import type { AuditEntryView } from '../../src/server/features/audit/audit.schema';
import type { components } from '../../src/web/api/schema';

export type ErrorBody = components['schemas']['ErrorBody'];
export type MeBody = components['schemas']['Me'];
export type AuditEntry = Static<typeof AuditEntryView>;
