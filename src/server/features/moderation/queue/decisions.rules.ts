// What a queue decision does, as data: the item's status, the post's state, the flags' outcome, and
// the labels the classifiers learn from.
import type { FlagStatus, ModerationState, ReviewStatus } from '../../../platform/db/schema-moderation';
import type { DecisionBody } from './queue.schema';

export interface DecisionEffect {
  status: Exclude<ReviewStatus, 'pending'>;
  /** null: publish (release) the post; undefined: leave it as it is. */
  postState: ModerationState | null | undefined;
  flags: Exclude<FlagStatus, 'open'>;
  /** spam: spam|ham, abuse: hate|offensive|neither; only what the decision says. */
  labels: { kind: 'spam' | 'abuse'; label: string }[];
}

export function effectOf(action: DecisionBody['action'], category: DecisionBody['category']): DecisionEffect {
  switch (action) {
    case 'approve':
    case 'edit':
      return { status: 'approved', postState: null, flags: 'disagreed', labels: action === 'approve' ? [{ kind: 'spam', label: 'ham' }, { kind: 'abuse', label: 'neither' }] : [] };
    case 'dismiss':
      return { status: 'dismissed', postState: null, flags: 'disagreed', labels: [{ kind: 'spam', label: 'ham' }] };
    case 'hide':
    case 'reject':
    case 'delete':
      return {
        status: 'rejected',
        postState: action === 'hide' ? 'hidden' : 'rejected',
        flags: 'agreed',
        labels: category === 'spam' ? [{ kind: 'spam', label: 'spam' }] : category === 'abuse' ? [{ kind: 'abuse', label: 'offensive' }] : [],
      };
  }
}

/** What the author is told about a decision on their post. */
export function authorNotice(action: DecisionBody['action'], reason: string, guideline: string | undefined, message: string | undefined): { title: string; text: string } | null {
  const cite = guideline ? ` (guideline: ${guideline})` : '';
  const extra = message ? ` ${message}` : '';
  switch (action) {
    case 'approve':
    case 'edit':
      return { title: 'Your post was approved', text: `A moderator reviewed your post and published it.${extra}` };
    case 'dismiss':
      return null;
    case 'hide':
      return { title: 'Your post was hidden', text: `${reason}${cite}.${extra} You can appeal this decision.` };
    case 'reject':
    case 'delete':
      return { title: 'Your post was removed', text: `${reason}${cite}.${extra} You can appeal this decision.` };
  }
}
