// SQL for groups and their members.
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database';

export async function listGroups(db: Queryable) {
  return db
    .selectFrom('groups')
    .leftJoin('group_members', 'group_members.group_id', 'groups.id')
    .select(['groups.id', 'groups.name', 'groups.description', 'groups.built_in', 'groups.created_at'])
    .select((eb) => eb.fn.count<number>('group_members.member_id').as('member_count'))
    .groupBy('groups.id')
    .orderBy('groups.built_in', 'desc')
    .orderBy('groups.id')
    .execute();
}

export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];

export async function findGroup(db: Queryable, id: number): Promise<GroupRow | undefined> {
  return db
    .selectFrom('groups')
    .leftJoin('group_members', 'group_members.group_id', 'groups.id')
    .select(['groups.id', 'groups.name', 'groups.description', 'groups.built_in', 'groups.created_at'])
    .select((eb) => eb.fn.count<number>('group_members.member_id').as('member_count'))
    .where('groups.id', '=', id)
    .groupBy('groups.id')
    .executeTakeFirst();
}

export async function insertGroup(db: Queryable, name: string, description: string): Promise<number> {
  const row = await db.insertInto('groups').values({ name, description }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(db: Queryable, id: number, changes: { name?: string; description?: string }): Promise<void> {
  await db.updateTable('groups').set(changes).where('id', '=', id).execute();
}

export async function deleteGroup(db: Queryable, id: number): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export async function listGroupMembers(db: Queryable, groupId: number) {
  return db
    .selectFrom('group_members')
    .innerJoin('accounts', 'accounts.member_id', 'group_members.member_id')
    .innerJoin('members', 'members.id', 'group_members.member_id')
    .select(['group_members.member_id', 'accounts.username', 'members.display_name', 'group_members.added_at'])
    .where('group_members.group_id', '=', groupId)
    .orderBy(sql`lower(accounts.username)`)
    .execute();
}

export async function addGroupMember(db: Queryable, groupId: number, memberId: number): Promise<void> {
  await db.insertInto('group_members').values({ group_id: groupId, member_id: memberId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeGroupMember(db: Queryable, groupId: number, memberId: number): Promise<boolean> {
  const result = await db.deleteFrom('group_members').where('group_id', '=', groupId).where('member_id', '=', memberId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function namedGroupsOf(db: Queryable, memberId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select('groups.name')
    .where('group_members.member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.name);
}
