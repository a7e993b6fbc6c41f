// SQL for login sessions. Only the SHA-256 of a session token is stored.
import type { Queryable } from '../../platform/db/database';

export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; memberId: number; csrfToken: string; ip: string | null; userAgent: string | null; expiresAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      member_id: session.memberId,
      csrf_token: session.csrfToken,
      ip: session.ip,
      user_agent: session.userAgent,
      expires_at: session.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findLiveSession(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'member_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function deleteSessionByHash(db: Queryable, tokenHash: string): Promise<number | undefined> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('member_id').executeTakeFirst();
  return row?.member_id;
}

/** Ends every session of a member, or all but one. */
export async function deleteMemberSessions(db: Queryable, memberId: number, exceptSessionId?: number): Promise<void> {
  let query = db.deleteFrom('sessions').where('member_id', '=', memberId);
  if (exceptSessionId !== undefined) query = query.where('id', '<>', exceptSessionId);
  await query.execute();
}

export async function touchSession(db: Queryable, sessionId: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
