// Payloads of the member moderation pages (staff) and "my moderation" (the member).
import { Type } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';
import { AppealView } from '../appeals/appeals.schema';
import { ReviewItemView } from '../queue/queue.schema';
import { LadderSuggestion, SanctionView } from '../sanctions/sanctions.schema';

const FlagTally = Type.Object({ total: Type.Integer(), open: Type.Integer(), agreed: Type.Integer(), disagreed: Type.Integer(), ignored: Type.Integer() });

export const MemberNoteView = Type.Object({ id: Type.Integer(), body: Type.String(), author: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp });

export const NoteBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });

export const MemberModerationView = Type.Object(
  {
    member: Type.Object({
      id: Type.Integer(),
      username: Type.String(),
      displayName: Type.String(),
      role: Type.String(),
      trustLevel: Type.Integer(),
      joinedAt: Timestamp,
      posts: Type.Integer(),
      silencedUntil: NullableTimestamp,
      suspendedUntil: NullableTimestamp,
    }),
    flags: Type.Object({ given: FlagTally, received: FlagTally }),
    items: Type.Array(ReviewItemView, { description: 'Review items about the member, newest first' }),
    sanctions: Type.Array(SanctionView),
    suggestion: LadderSuggestion,
    appeals: Type.Array(AppealView),
    notes: Type.Array(MemberNoteView),
  },
  { $id: 'MemberModeration' },
);

export const MyModerationView = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        id: Type.Integer({ description: 'The review item (appeal it with reviewItemId)' }),
        kind: Type.String(),
        status: Type.String({ description: 'pending: awaiting review · approved · rejected · dismissed' }),
        reason: Type.Unknown({ description: 'Why: the rule or guideline and the evidence' }),
        post: Type.Union([Type.Object({ id: Type.Integer(), topicId: Type.Integer(), topicTitle: Type.String(), excerpt: Type.String(), state: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
        resolution: Type.Union([Type.String(), Type.Null()]),
        resolutionReason: Type.Union([Type.String(), Type.Null()]),
        createdAt: Timestamp,
        resolvedAt: NullableTimestamp,
        appealable: Type.Boolean(),
      }),
    ),
    sanctions: Type.Array(SanctionView),
    appeals: Type.Array(AppealView),
    moderates: Type.Array(Type.Integer(), { description: 'Spaces whose review queue items you work as a space moderator' }),
  },
  { $id: 'MyModeration' },
);
