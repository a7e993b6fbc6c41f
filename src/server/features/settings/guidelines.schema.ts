// Payloads of the guidelines API.
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas';

export const GuidelinesView = Type.Object(
  {
    version: Type.Integer(),
    markdown: Type.String(),
    sections: Type.Array(Type.Object({ id: Type.String({ description: 'What moderators cite (guideline: "be-kind")' }), title: Type.String() }), {
      description: 'Headings, and list items that open with a bold title',
    }),
  },
  { $id: 'Guidelines' },
);
export type GuidelinesView = Static<typeof GuidelinesView>;

export const GuidelineVersionList = Type.Object({
  current: Type.Integer(),
  items: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Timestamp, by: Type.Union([Type.String(), Type.Null()]) })),
});
export type GuidelineVersionList = Static<typeof GuidelineVersionList>;

export const AcceptGuidelinesBody = Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version the member read' }) }, { additionalProperties: false });
export const AcceptedGuidelines = Type.Object({ version: Type.Integer(), acceptedAt: Timestamp });
export const VersionParam = Type.Object({ version: Type.Integer({ minimum: 1 }) });
