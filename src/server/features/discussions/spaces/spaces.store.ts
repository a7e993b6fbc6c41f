// SQL for spaces and their group permissions.
import type { Queryable } from '../../../platform/db/database';
import type { SpaceKind, SpaceVisibility } from '../../../platform/db/schema';

const columns = [
  'id', 'parent_id', 'name', 'slug', 'description', 'color', 'position', 'visibility', 'kind', 'topic_count', 'post_count', 'last_posted_at', 'created_at',
] as const;

export async function listSpaces(db: Queryable) {
  return db.selectFrom('spaces').select(columns).orderBy('position').orderBy('id').execute();
}

export type SpaceRow = Awaited<ReturnType<typeof listSpaces>>[number];

export async function findSpace(db: Queryable, id: number): Promise<SpaceRow | undefined> {
  return db.selectFrom('spaces').select(columns).where('id', '=', id).executeTakeFirst();
}

export interface NewSpace {
  parentId: number | null;
  name: string;
  slug: string;
  description: string;
  color: string | undefined;
  position: number;
  visibility: SpaceVisibility;
  kind: SpaceKind;
}

export async function insertSpace(db: Queryable, space: NewSpace): Promise<number> {
  const row = await db
    .insertInto('spaces')
    .values({
      parent_id: space.parentId,
      name: space.name,
      slug: space.slug,
      description: space.description,
      ...(space.color !== undefined ? { color: space.color } : {}),
      position: space.position,
      visibility: space.visibility,
      kind: space.kind,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface SpaceChanges {
  name?: string;
  slug?: string;
  description?: string;
  visibility?: SpaceVisibility;
  kind?: SpaceKind;
  color?: string;
  position?: number;
}

export async function updateSpace(db: Queryable, id: number, changes: SpaceChanges): Promise<void> {
  await db.updateTable('spaces').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

export interface GrantRow {
  space_id: number;
  group_id: number;
  group_name: string;
  can_see: boolean;
  can_post: boolean;
  can_reply: boolean;
  can_moderate: boolean;
}

/** Grants of the given spaces (every space when omitted). */
export async function listGrants(db: Queryable, spaceIds?: readonly number[]): Promise<GrantRow[]> {
  if (spaceIds !== undefined && spaceIds.length === 0) return [];
  let query = db
    .selectFrom('space_permissions')
    .innerJoin('groups', 'groups.id', 'space_permissions.group_id')
    .select(['space_permissions.space_id', 'space_permissions.group_id', 'groups.name as group_name', 'space_permissions.can_see', 'space_permissions.can_post', 'space_permissions.can_reply', 'space_permissions.can_moderate'])
    .orderBy('space_permissions.space_id')
    .orderBy('groups.id');
  if (spaceIds !== undefined) query = query.where('space_permissions.space_id', 'in', spaceIds);
  return query.execute();
}

export async function replaceGrants(
  db: Queryable,
  spaceId: number,
  grants: readonly { groupId: number; canSee: boolean; canPost: boolean; canReply: boolean; canModerate?: boolean }[],
): Promise<void> {
  await db.deleteFrom('space_permissions').where('space_id', '=', spaceId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('space_permissions')
    .values(grants.map((g) => ({ space_id: spaceId, group_id: g.groupId, can_see: g.canSee, can_post: g.canPost, can_reply: g.canReply, can_moderate: g.canModerate ?? false })))
    .execute();
}

export async function touchSpace(db: Queryable, id: number): Promise<void> {
  await db.updateTable('spaces').set({ updated_at: new Date() }).where('id', '=', id).execute();
}

/** Keeps the space's counters in step with a new topic or post. */
export async function countInSpace(db: Queryable, spaceId: number, change: { topics: number; posts: number; at: Date | null }): Promise<void> {
  await db
    .updateTable('spaces')
    .set((eb) => ({
      topic_count: eb('topic_count', '+', change.topics),
      post_count: eb('post_count', '+', change.posts),
      ...(change.at ? { last_posted_at: change.at } : {}),
    }))
    .where('id', '=', spaceId)
    .execute();
}

/** Sets each space's last_posted_at from its live topics (after a topic moved out or in). */
export async function refreshLastPosted(db: Queryable, spaceIds: readonly number[]): Promise<void> {
  await db
    .updateTable('spaces')
    .set((eb) => ({
      last_posted_at: eb
        .selectFrom('topics')
        .select((t) => t.fn.max('topics.last_posted_at').as('at'))
        .whereRef('topics.space_id', '=', 'spaces.id')
        .where('topics.deleted_at', 'is', null),
    }))
    .where('id', 'in', [...spaceIds])
    .execute();
}

/** The live members among ids, with what it takes to work out which spaces they may see. */
export async function viewersByIds(db: Queryable, memberIds: readonly number[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select(['accounts.member_id', 'accounts.username', 'accounts.role', 'members.trust_level'])
    .where('accounts.member_id', 'in', [...memberIds])
    .where('members.deleted_at', 'is', null)
    .execute();
}
