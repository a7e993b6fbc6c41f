// SQL for sanctions, bans and the account columns they set.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { SanctionKind } from '../../../platform/db/schema-moderation';

export async function insertSanction(
  db: Queryable,
  s: { memberId: number; kind: SanctionKind; reason: string; guideline: string | null; message: string | null; startsAt: Date; endsAt: Date; by: number | null; reviewItemId: number | null; postId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('sanctions')
    .values({
      member_id: s.memberId, kind: s.kind, reason: s.reason, guideline: s.guideline, message: s.message, starts_at: s.startsAt, ends_at: s.endsAt,
      created_by: s.by, review_item_id: s.reviewItemId, post_id: s.postId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findSanction(db: Queryable, id: number) {
  return db.selectFrom('sanctions').selectAll().where('id', '=', id).executeTakeFirst();
}

export type SanctionRow = NonNullable<Awaited<ReturnType<typeof findSanction>>>;

export async function sanctionsOf(db: Queryable, memberId: number) {
  return db
    .selectFrom('sanctions as s')
    .leftJoin('accounts as a', 'a.member_id', 's.created_by')
    .leftJoin('appeals as ap', 'ap.sanction_id', 's.id')
    .selectAll('s')
    .select(['a.username as created_by_username', 'ap.status as appeal_status'])
    .where('s.member_id', '=', memberId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

export async function liftSanction(db: Queryable, id: number, by: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('sanctions').set({ lifted_at: at, lifted_by: by }).where('id', '=', id).where('lifted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function shortenSanction(db: Queryable, id: number, endsAt: Date): Promise<void> {
  await db.updateTable('sanctions').set({ ends_at: endsAt }).where('id', '=', id).execute();
}

export async function targetAccount(db: Queryable, memberId: number) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.member_id as id', 'a.role', 'a.username', 'a.email', 'a.silenced_until', 'a.suspended_until'])
    .where('a.member_id', '=', memberId)
    .executeTakeFirst();
}

/** The account columns follow the longest active sanction of each kind (so lifting one leaves a longer one in force). */
export async function syncAccountLimits(db: Queryable, memberId: number, at: Date): Promise<void> {
  const active = (kinds: SanctionKind[]) =>
    sql<Date | null>`(select max(ends_at) from sanctions where member_id = ${memberId} and kind in (${sql.join(kinds)}) and lifted_at is null and ends_at > ${at})`;
  await db
    .updateTable('accounts')
    .set({ silenced_until: active(['silence']), suspended_until: active(['suspension', 'ban']) })
    .where('member_id', '=', memberId)
    .execute();
  await db.updateTable('accounts').set({ suspension_reason: null }).where('member_id', '=', memberId).where('suspended_until', 'is', null).execute();
}

export async function setSuspensionReason(db: Queryable, memberId: number, reason: string): Promise<void> {
  await db.updateTable('accounts').set({ suspension_reason: reason }).where('member_id', '=', memberId).execute();
}

/** The member's email and the addresses their sessions came from, blocked until the ban ends. */
export async function banAddresses(db: Queryable, sanctionId: number, memberId: number, email: string, endsAt: Date): Promise<void> {
  const ips = await db.selectFrom('sessions').select('ip').distinct().where('member_id', '=', memberId).where('ip', 'is not', null).execute();
  const rows = [{ kind: 'email' as const, value: email.toLowerCase() }, ...ips.flatMap((r) => (r.ip ? [{ kind: 'ip' as const, value: r.ip }] : []))];
  await db.insertInto('banned_addresses').values(rows.map((r) => ({ ...r, sanction_id: sanctionId, ends_at: endsAt }))).execute();
}

export async function unbanAddresses(db: Queryable, sanctionId: number): Promise<void> {
  await db.deleteFrom('banned_addresses').where('sanction_id', '=', sanctionId).execute();
}

/** Whether an email or IP address is banned now. */
export async function isBanned(db: Queryable, address: { email?: string; ip?: string }, at: Date): Promise<boolean> {
  const checks: { kind: 'email' | 'ip'; value: string }[] = [];
  if (address.email) checks.push({ kind: 'email', value: address.email.toLowerCase() });
  if (address.ip) checks.push({ kind: 'ip', value: address.ip });
  if (checks.length === 0) return false;
  const row = await db
    .selectFrom('banned_addresses')
    .select('id')
    .where('ends_at', '>', at)
    .where((eb) => eb.or(checks.map((c) => eb.and([eb('kind', '=', c.kind), eb(sql<string>`lower(value)`, '=', c.value)]))))
    .executeTakeFirst();
  return row !== undefined;
}

/** Lifts every sanction of these kinds in force now; returns their ids. */
export async function liftActive(db: Queryable, memberId: number, kinds: readonly SanctionKind[], by: number, at: Date): Promise<number[]> {
  const rows = await db
    .updateTable('sanctions')
    .set({ lifted_at: at, lifted_by: by })
    .where('member_id', '=', memberId)
    .where('kind', 'in', kinds)
    .where('lifted_at', 'is', null)
    .where('ends_at', '>', at)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
