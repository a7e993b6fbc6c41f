import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../platform/http/schemas';

export const TransparencyReport = Type.Object(
  {
    since: Timestamp,
    months: Type.Array(
      Type.Object({
        month: Type.String({ description: 'YYYY-MM (UTC)' }),
        total: Type.Integer(),
        counts: Type.Array(Type.Object({ kind: Type.String({ description: 'The action, e.g. post.hide or member.silence' }), count: Type.Integer() })),
      }),
      { description: 'Moderation actions per month and kind, newest month first; months without any are left out' },
    ),
    recent: Type.Array(
      Type.Object({ kind: Type.String(), at: Timestamp, guideline: Type.Union([Type.String(), Type.Null()], { description: 'The guideline the action cited, if any' }) }),
      { description: 'The latest 50 moderation actions, newest first: no one who acted or was acted on, no reasons' },
    ),
  },
  { $id: 'TransparencyReport' },
);
export type TransparencyReport = Static<typeof TransparencyReport>;
