// Suspensions set from the staff members page are sanctions too, so the account's suspended_until
// always follows the sanctions in force (a later silence or lift cannot wipe or resurrect one).
import type { Queryable } from '../../platform/db/database';
import { insertSanction, liftActive, setSuspensionReason, syncAccountLimits, unbanAddresses } from '../moderation/sanctions/sanctions.store';

export async function suspendUntil(trx: Queryable, memberId: number, until: Date, reason: string, by: number): Promise<void> {
  const at = new Date();
  await insertSanction(trx, { memberId, kind: 'suspension', reason, guideline: null, message: null, startsAt: at, endsAt: until, by, reviewItemId: null, postId: null });
  await syncAccountLimits(trx, memberId, at);
  await setSuspensionReason(trx, memberId, reason);
}

/** Lifts every suspension and ban in force. */
export async function liftSuspensions(trx: Queryable, memberId: number, by: number): Promise<void> {
  const at = new Date();
  for (const id of await liftActive(trx, memberId, ['suspension', 'ban'], by, at)) await unbanAddresses(trx, id);
  await syncAccountLimits(trx, memberId, at);
}
