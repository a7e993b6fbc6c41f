// Sign-ups that wait for a moderator: the account is marked, and a 'signup' item joins the review queue.
import type { Queryable } from '../../platform/db/database';
import { upsertReviewItem } from '../moderation/queue/queue.store';

/** Returns the review item's id. */
export async function holdForApproval(db: Queryable, memberId: number, details: { email: string; ip: string | null }): Promise<number> {
  await db.updateTable('accounts').set({ approval_pending: true }).where('member_id', '=', memberId).execute();
  const domain = details.email.split('@')[1] ?? '';
  return upsertReviewItem(db, {
    kind: 'signup', postId: null, memberId, spaceId: null, score: 0,
    reason: { source: 'signup', message: 'A new sign-up waits for approval', evidence: [`email domain ${domain}`, ...(details.ip ? [`from ${details.ip}`] : [])] },
  });
}

/** Approved: the member can sign in. Refused: the account stays closed (suspended with the reason). */
export async function settleApproval(db: Queryable, memberId: number, approved: boolean, reason: string): Promise<void> {
  if (approved) {
    await db.updateTable('accounts').set({ approval_pending: false }).where('member_id', '=', memberId).execute();
    return;
  }
  await db.updateTable('accounts').set({ approval_pending: false, suspended_until: new Date('9999-12-31T00:00:00Z'), suspension_reason: `Sign-up not approved: ${reason}` }).where('member_id', '=', memberId).execute();
}
