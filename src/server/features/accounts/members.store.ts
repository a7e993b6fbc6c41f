// SQL for finding members by name (the @mention autocomplete).
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Members whose username, display name or a later word of the display name starts with `prefix`
 * (case-insensitive); deleted and currently suspended members are left out. Usernames that match
 * come first, the shortest (closest) first.
 */
export async function suggestMembers(db: Queryable, prefix: string, limit: number, now: Date) {
  const key = prefix.toLowerCase();
  const starts = `${escapeLike(key)}%`;
  const laterWord = `% ${escapeLike(key)}%`;
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(['accounts.username', 'members.display_name', 'members.avatar_url'])
    .where('members.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('accounts.suspended_until', 'is', null), eb('accounts.suspended_until', '<=', now)]))
    .where((eb) =>
      eb.or([
        eb(sql`lower(accounts.username)`, 'like', starts),
        eb(sql`lower(members.display_name)`, 'like', starts),
        eb(sql`lower(members.display_name)`, 'like', laterWord),
      ]),
    )
    .orderBy(sql`case when lower(accounts.username) like ${starts} then 0 else 1 end`)
    .orderBy(sql`length(accounts.username)`)
    .orderBy(sql`lower(accounts.username)`)
    .limit(limit)
    .execute();
}
