// Named shapes of the moderation API, taken from the generated schema so they never drift from the server.
import type { components, paths } from '../../api/schema';
import type { Success } from '../../api/types';

type Schemas = components['schemas'];
type JsonBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type ReviewItem = Schemas['ReviewItem'];
export type ReviewKind = ReviewItem['kind'];
export type ReviewStatus = ReviewItem['status'];
export type Sanction = Schemas['Sanction'];
export type SanctionKind = Sanction['kind'];
export type Appeal = Schemas['Appeal'];
export type AppealStatus = Appeal['status'];
export type HeldReason = Schemas['HeldReason'];
export type AutomodRule = Schemas['AutomodRule'];
export type RuleCondition = AutomodRule['conditions'][number];
export type RuleAction = AutomodRule['actions'][number];
export type RuleInput = JsonBody<paths['/api/moderation/automod/rules']['post']>;
export type DryRun = Success<paths['/api/moderation/automod/dry-run']['post']>;
export type DecisionBody = JsonBody<paths['/api/moderation/queue/{id}/decision']['post']>;
export type DecisionAction = DecisionBody['action'];
export type MemberModeration = Success<paths['/api/moderation/members/{id}']['get']>;
export type MemberNote = MemberModeration['notes'][number];
export type LadderStep = MemberModeration['suggestion'];
export type MyModeration = Success<paths['/api/me/moderation']['get']>;
export type MyItem = MyModeration['items'][number];
export type MyFlag = Schemas['MyFlag'];
export type FlagReason = MyFlag['reason'];
export type MediationSuggestion = Schemas['MediationSuggestion'];

/** What POST /api/topics and POST /api/topics/{id}/posts answer with 202 when moderation holds the post. */
export interface HeldPost {
  id: number;
  topicId: number;
  status: 'held';
  reason: HeldReason;
}

export function isHeld<T extends object>(value: T | HeldPost): value is HeldPost {
  return 'status' in value && value.status === 'held';
}
