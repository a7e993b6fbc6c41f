// Settling flags when a moderator decides a review item: the flags take the outcome (which moves each
// flagger's accuracy, and so the weight of their next flags) and the flaggers hear how it went.
import type { Queryable } from '../../../platform/db/database';
import type { FlagStatus } from '../../../platform/db/schema-moderation';
import { insertNotices } from '../notices.store';
import { settleItemFlags } from './flags.store';

export type FlagOutcome = Exclude<FlagStatus, 'open'>;

/** Marks the item's open flags with the outcome, inside the decision's transaction; the flaggers' member ids. */
export async function settleFlags(trx: Queryable, reviewItemId: number, outcome: FlagOutcome): Promise<number[]> {
  return settleItemFlags(trx, reviewItemId, outcome, new Date());
}

/**
 * Tells the flaggers the outcome (nothing for 'ignored'). Returns the notices written: announce them
 * after commit (ModerationNotices.announce).
 */
export async function notifyFlaggers(trx: Queryable, flaggerIds: readonly number[], outcome: FlagOutcome, postTitle: string): Promise<{ memberId: number; id: number }[]> {
  if (outcome === 'ignored' || flaggerIds.length === 0) return [];
  const agreed = outcome === 'agreed';
  return insertNotices(
    trx,
    flaggerIds.map((memberId) => ({
      memberId,
      title: agreed ? 'Thanks: moderators agreed with your flag' : 'Your flag was reviewed',
      text: agreed
        ? `Thanks: moderators agreed with your flag on "${postTitle}" and acted.`
        : `Moderators reviewed your flag on "${postTitle}" and found no violation.`,
      url: '/moderation/mine?tab=flags',
    })),
  );
}
