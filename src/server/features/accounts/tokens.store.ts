// SQL for one-time tokens (setup, password reset, email confirmation). Only hashes are stored.
import type { Queryable } from '../../platform/db/database';
import type { TokenPurpose } from '../../platform/db/schema';

export async function insertToken(db: Queryable, token: { purpose: TokenPurpose; tokenHash: string; memberId: number | null; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({ purpose: token.purpose, token_hash: token.tokenHash, member_id: token.memberId, expires_at: token.expiresAt })
    .execute();
}

/** Marks a live token used and returns it; undefined when unknown, used or expired. */
export async function consumeToken(db: Queryable, purpose: TokenPurpose, tokenHash: string): Promise<{ memberId: number | null } | undefined> {
  const row = await db
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('purpose', '=', purpose)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('member_id')
    .executeTakeFirst();
  return row ? { memberId: row.member_id } : undefined;
}

/** Makes a consumed token usable again, when the work it was consumed for failed. */
export async function releaseToken(db: Queryable, purpose: TokenPurpose, tokenHash: string): Promise<void> {
  await db.updateTable('one_time_tokens').set({ used_at: null }).where('purpose', '=', purpose).where('token_hash', '=', tokenHash).execute();
}

export async function isTokenLive(db: Queryable, purpose: TokenPurpose, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('one_time_tokens')
    .select('id')
    .where('purpose', '=', purpose)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/** Retires a member's unused tokens of one purpose (for setup: all of them). */
export async function retireTokens(db: Queryable, purpose: TokenPurpose, memberId: number | null): Promise<void> {
  let query = db.updateTable('one_time_tokens').set({ used_at: new Date() }).where('purpose', '=', purpose).where('used_at', 'is', null);
  if (memberId !== null) query = query.where('member_id', '=', memberId);
  await query.execute();
}

export async function deleteDeadTokens(db: Queryable): Promise<void> {
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
  await db.deleteFrom('one_time_tokens').where((eb) => eb.or([eb('expires_at', '<', new Date()), eb('used_at', '<', dayAgo)])).execute();
}
