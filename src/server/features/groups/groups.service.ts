// Named groups of members (built-in ones follow roles and trust levels). Spaces grant rights to groups.
import type { AppContext } from '../../context';
import { AppError, notFound, pgCodes, pgErrorCode } from '../../platform/errors';
import { requireMember, requireRole, type Actor } from '../../platform/http/principal';
import { insertAudit } from '../audit';
import type { CreateGroupBody, GroupView, PatchGroupBody } from './groups.schema';
import { builtInGroupsOf } from './groups.rules';
import {
  addGroupMember, deleteGroup, findGroup, insertGroup, listGroupMembers, listGroups, namedGroupsOf, removeGroupMember, updateGroup, type GroupRow,
} from './groups.store';

function present(row: GroupRow): GroupView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: row.built_in,
    memberCount: row.built_in ? null : Number(row.member_count),
    createdAt: row.created_at.toISOString(),
  };
}

function nameTaken(error: unknown, name: string | undefined): unknown {
  if (pgErrorCode(error) === pgCodes.uniqueViolation) return new AppError('name_taken', `A group named ${name ?? ''} exists`, { field: 'name' });
  return error;
}

export function createGroupsService(ctx: AppContext, findMemberId: (username: string) => Promise<number | undefined>) {
  const db = ctx.database.db;

  async function loadEditable(id: number): Promise<GroupRow> {
    const group = await findGroup(db, id);
    if (!group) throw notFound('Group not found');
    if (group.built_in) throw new AppError('conflict', 'Built-in groups cannot be changed; their members follow roles and trust levels');
    return group;
  }

  return {
    async list(actor: Actor): Promise<GroupView[]> {
      requireMember(actor);
      return (await listGroups(db)).map(present);
    },

    async members(actor: Actor, id: number) {
      requireRole(actor, 'moderator', 'Only staff can list group members');
      const group = await findGroup(db, id);
      if (!group) throw notFound('Group not found');
      const rows = await listGroupMembers(db, id);
      return rows.map((r) => ({ memberId: r.member_id, username: r.username, displayName: r.display_name, addedAt: r.added_at.toISOString() }));
    },

    async create(actor: Actor, body: CreateGroupBody, ip: string): Promise<GroupView> {
      const admin = requireRole(actor, 'admin', 'Only admins can create groups');
      let id: number;
      try {
        id = await ctx.database.tx(async (trx) => {
          const created = await insertGroup(trx, body.name, body.description ?? '');
          await insertAudit(trx, { actorId: admin.memberId, action: 'group.create', targetType: 'group', targetId: created, after: body, ip });
          return created;
        });
      } catch (error) {
        throw nameTaken(error, body.name);
      }
      const group = await findGroup(db, id);
      if (!group) throw notFound('Group not found');
      return present(group);
    },

    async update(actor: Actor, id: number, patch: PatchGroupBody, ip: string): Promise<GroupView> {
      const admin = requireRole(actor, 'admin', 'Only admins can change groups');
      const before = await loadEditable(id);
      try {
        await ctx.database.tx(async (trx) => {
          await updateGroup(trx, id, patch);
          await insertAudit(trx, { actorId: admin.memberId, action: 'group.update', targetType: 'group', targetId: id, before: { name: before.name, description: before.description }, after: patch, ip });
        });
      } catch (error) {
        throw nameTaken(error, patch.name);
      }
      return present(await loadEditable(id));
    },

    async remove(actor: Actor, id: number, ip: string): Promise<void> {
      const admin = requireRole(actor, 'admin', 'Only admins can delete groups');
      const group = await loadEditable(id);
      await ctx.database.tx(async (trx) => {
        await deleteGroup(trx, id);
        await insertAudit(trx, { actorId: admin.memberId, action: 'group.delete', targetType: 'group', targetId: id, before: { name: group.name }, ip });
      });
      await ctx.bus.emit('group.membersChanged', { groupId: id, memberIds: null });
    },

    async addMember(actor: Actor, id: number, username: string, ip: string): Promise<void> {
      const admin = requireRole(actor, 'admin', 'Only admins can change group members');
      await loadEditable(id);
      const memberId = await findMemberId(username);
      if (memberId === undefined) throw new AppError('not_found', `No member named ${username}`, { field: 'username' });
      await ctx.database.tx(async (trx) => {
        await addGroupMember(trx, id, memberId);
        await insertAudit(trx, { actorId: admin.memberId, action: 'group.addMember', targetType: 'group', targetId: id, after: { memberId }, ip });
      });
      await ctx.bus.emit('group.membersChanged', { groupId: id, memberIds: [memberId] });
    },

    async removeMember(actor: Actor, id: number, memberId: number, ip: string): Promise<void> {
      const admin = requireRole(actor, 'admin', 'Only admins can change group members');
      await loadEditable(id);
      await ctx.database.tx(async (trx) => {
        if (!(await removeGroupMember(trx, id, memberId))) throw notFound('That member is not in this group');
        await insertAudit(trx, { actorId: admin.memberId, action: 'group.removeMember', targetType: 'group', targetId: id, before: { memberId }, ip });
      });
      await ctx.bus.emit('group.membersChanged', { groupId: id, memberIds: [memberId] });
    },

    /** Every group a viewer belongs to, by name: the basis of space permissions. */
    async groupsOf(actor: Actor): Promise<string[]> {
      const builtIn = builtInGroupsOf(actor);
      if (!actor) return builtIn;
      return [...builtIn, ...(await namedGroupsOf(db, actor.memberId))];
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
