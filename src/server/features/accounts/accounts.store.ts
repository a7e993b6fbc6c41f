// SQL for members and their login accounts.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/db/schema';

export interface NewAccount {
  username: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  trustLevel: number;
  emailConfirmed: boolean;
  guidelinesVersion: number;
}

export async function insertMemberWithAccount(trx: Queryable, account: NewAccount): Promise<number> {
  const member = await trx
    .insertInto('members')
    .values({ display_name: account.displayName, trust_level: account.trustLevel })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date();
  await trx
    .insertInto('accounts')
    .values({
      member_id: member.id,
      username: account.username,
      email: account.email,
      password_hash: account.passwordHash,
      role: account.role,
      email_confirmed_at: account.emailConfirmed ? now : null,
      guidelines_version: account.guidelinesVersion,
      guidelines_accepted_at: now,
    })
    .execute();
  await trx
    .insertInto('identities')
    .values({ member_id: member.id, platform: 'hearth', external_id: String(member.id), handle: account.username, email: account.email, verified: account.emailConfirmed })
    .execute();
  return member.id;
}

const authColumns = [
  'members.id',
  'accounts.username',
  'accounts.email',
  'accounts.role',
  'accounts.password_hash',
  'accounts.email_confirmed_at',
  'accounts.suspended_until',
  'accounts.approval_pending',
  'accounts.guidelines_version',
  'members.display_name',
  'members.bio',
  'members.avatar_url',
  'members.location',
  'members.company',
  'members.trust_level',
  'members.joined_at',
  'members.last_seen_at',
] as const;

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

export async function findAccountById(db: Queryable, memberId: number) {
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(authColumns)
    .where('accounts.member_id', '=', memberId)
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findAccountByLogin(db: Queryable, login: string) {
  const key = login.trim().toLowerCase();
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(authColumns)
    .where((eb) => eb.or([eb(sql`lower(accounts.username)`, '=', key), eb(sql`lower(accounts.email)`, '=', key)]))
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findAccountByUsername(db: Queryable, username: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(authColumns)
    .where(sql`lower(accounts.username)`, '=', username.toLowerCase())
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findAccountByEmail(db: Queryable, email: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(authColumns)
    .where(sql`lower(accounts.email)`, '=', email.trim().toLowerCase())
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function countAdmins(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ProfileChanges {
  display_name?: string;
  bio?: string;
  avatar_url?: string | null;
  location?: string;
  company?: string;
}

export async function updateProfile(trx: Queryable, memberId: number, changes: ProfileChanges): Promise<void> {
  await trx.updateTable('members').set(changes).where('id', '=', memberId).execute();
}

export async function updatePasswordHash(trx: Queryable, memberId: number, passwordHash: string): Promise<void> {
  await trx.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('member_id', '=', memberId).execute();
}

export async function markEmailConfirmed(trx: Queryable, memberId: number): Promise<void> {
  await trx.updateTable('accounts').set({ email_confirmed_at: new Date() }).where('member_id', '=', memberId).where('email_confirmed_at', 'is', null).execute();
  await trx.updateTable('identities').set({ verified: true }).where('member_id', '=', memberId).where('platform', '=', 'hearth').execute();
}

export async function touchMemberSeen(db: Queryable, memberId: number): Promise<void> {
  await db.updateTable('members').set({ last_seen_at: new Date() }).where('id', '=', memberId).execute();
}
