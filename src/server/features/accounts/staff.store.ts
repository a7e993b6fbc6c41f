// SQL for staff views and changes of member accounts.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/db/schema';

const columns = [
  'members.id',
  'accounts.username',
  'accounts.email',
  'members.display_name',
  'accounts.role',
  'members.trust_level',
  'accounts.email_confirmed_at',
  'members.joined_at',
  'members.last_seen_at',
  'accounts.suspended_until',
  'accounts.suspension_reason',
] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listStaffMembers(db: Queryable, options: { limit: number; beforeId: number | undefined; q: string | undefined; role: Role | undefined }) {
  let query = db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(columns)
    .where('members.deleted_at', 'is', null)
    .orderBy('members.id', 'desc')
    .limit(options.limit + 1);
  if (options.beforeId !== undefined) query = query.where('members.id', '<', options.beforeId);
  if (options.role !== undefined) query = query.where('accounts.role', '=', options.role);
  if (options.q) {
    const pattern = `${escapeLike(options.q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(accounts.username)`, 'like', pattern), eb(sql`lower(accounts.email)`, 'like', pattern)]));
  }
  return query.execute();
}

export type StaffMemberRow = Awaited<ReturnType<typeof listStaffMembers>>[number];

export async function findStaffMember(db: Queryable, memberId: number): Promise<StaffMemberRow | undefined> {
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(columns)
    .where('members.id', '=', memberId)
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function setRole(trx: Queryable, memberId: number, role: Role): Promise<void> {
  await trx.updateTable('accounts').set({ role }).where('member_id', '=', memberId).execute();
}

/** A level set by hand: 4 is locked (the recompute job leaves it alone); anything below unlocks. */
export async function setTrustLevel(trx: Queryable, memberId: number, trustLevel: number): Promise<void> {
  await trx.updateTable('members').set({ trust_level: trustLevel, trust_level_locked: trustLevel === 4 }).where('id', '=', memberId).execute();
}

