// Spaces: where topics live, each public or private, with rights granted to groups.
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound, pgCodes, pgErrorCode } from '../../../platform/errors';
import { hasRole, memberPrincipal, requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import type { GroupsService } from '../../groups';
import { spaceAccess, type SpaceAccess } from '../discussions.rules';
import { cacheTags, type ReadCache } from '../read-cache';
import type { CreateSpaceBody, SpacePermissionsBody, SpacePermissionsView, SpaceView, UpdateSpaceBody } from './spaces.schema';
import { findSpace, insertSpace, listGrants, listSpaces, replaceGrants, touchSpace, updateSpace, viewersByIds, type GrantRow, type SpaceRow } from './spaces.store';

function present(row: SpaceRow, access: SpaceAccess): SpaceView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    color: row.color,
    position: row.position,
    visibility: row.visibility,
    kind: row.kind,
    topicCount: row.topic_count,
    postCount: row.post_count,
    lastPostedAt: row.last_posted_at?.toISOString() ?? null,
    canPost: access.canPost,
    canReply: access.canReply,
    createdAt: row.created_at.toISOString(),
  };
}

const toGrant = (g: GrantRow) => ({ groupName: g.group_name, canSee: g.can_see, canPost: g.can_post, canReply: g.can_reply, canModerate: g.can_moderate });

/** What space rights depend on: the viewer's groups, whether staff, whether signed in. */
export interface SpaceViewer {
  groups: readonly string[];
  isStaff: boolean;
  signedIn: boolean;
}

export interface VisibleSpace {
  space: SpaceRow;
  access: SpaceAccess;
}

interface SpacesSnapshot {
  spaces: SpaceRow[];
  byId: Map<number, SpaceRow>;
  grants: Map<number, ReturnType<typeof toGrant>[]>;
}

export function createSpacesService(ctx: AppContext, groups: Pick<GroupsService, 'groupsOf'>, cache: ReadCache) {
  const db = ctx.database.db;

  async function viewerOf(actor: Actor): Promise<SpaceViewer> {
    const groupNames = actor ? await cache.get(`groups:${actor.memberId}:${actor.role}:${actor.trustLevel}`, [], () => groups.groupsOf(actor)) : await groups.groupsOf(null);
    return { groups: groupNames, isStaff: hasRole(actor, 'moderator'), signedIn: actor !== null };
  }

  /** Every space with its grants: one read, cached until a space, its rights or its counters change. */
  function snapshot(): Promise<SpacesSnapshot> {
    return cache.get('spaces', [cacheTags.spaces], async () => {
      const [spaces, grants] = await Promise.all([listSpaces(db), listGrants(db)]);
      const bySpace = new Map<number, ReturnType<typeof toGrant>[]>();
      for (const g of grants) bySpace.set(g.space_id, [...(bySpace.get(g.space_id) ?? []), toGrant(g)]);
      return { spaces, byId: new Map(spaces.map((s) => [s.id, s])), grants: bySpace };
    });
  }

  /** Every space the viewer may see (a child only with its parent), with the viewer's rights in it. */
  async function seenSpaces(viewer: SpaceViewer): Promise<{ space: SpaceRow; access: SpaceAccess }[]> {
    const { spaces, grants } = await snapshot();
    const accessById = new Map(spaces.map((s) => [s.id, spaceAccess(s, grants.get(s.id) ?? [], viewer)]));
    const seen = (id: number | null): boolean => id === null || accessById.get(id)?.canSee === true;
    return spaces.flatMap((space) => {
      const access = accessById.get(space.id);
      return access && seen(space.id) && seen(space.parent_id) ? [{ space, access }] : [];
    });
  }

  /** The space and the viewer's rights in it; 404 when it does not exist or the viewer may not see it. */
  async function visible(actor: Actor, spaceId: number): Promise<VisibleSpace> {
    const { byId, grants } = await snapshot();
    const viewer = await viewerOf(actor);
    const check = (id: number): VisibleSpace => {
      const space = byId.get(id);
      if (!space) throw notFound('Space not found');
      const access = spaceAccess(space, grants.get(id) ?? [], viewer);
      if (!access.canSee) throw notFound('Space not found');
      if (space.parent_id !== null) check(space.parent_id);
      return { space, access };
    };
    return check(spaceId);
  }

  async function permissionsOf(spaceId: number): Promise<SpacePermissionsView> {
    const rows = await listGrants(db, [spaceId]);
    return { grants: rows.map((g) => ({ groupId: g.group_id, groupName: g.group_name, canSee: g.can_see, canPost: g.can_post, canReply: g.can_reply, canModerate: g.can_moderate })) };
  }

  return {
    visible,

    async list(actor: Actor): Promise<SpaceView[]> {
      return (await seenSpaces(await viewerOf(actor))).map(({ space, access }) => present(space, access));
    },

    /** Spaces whose review queue items the actor works as a space moderator (through a group granted canModerate). */
    async moderatedSpaceIds(actor: Actor): Promise<number[]> {
      if (!actor) return [];
      const viewer = await viewerOf(actor);
      const { grants } = await snapshot();
      const ids: number[] = [];
      for (const [spaceId, list] of grants) if (list.some((g) => g.canModerate && viewer.groups.includes(g.groupName))) ids.push(spaceId);
      return ids;
    },

    /** The groups granted canModerate in the space (their members work its review queue items). */
    async moderatorGroupsOf(spaceId: number): Promise<string[]> {
      const { grants } = await snapshot();
      return (grants.get(spaceId) ?? []).filter((g) => g.canModerate).map((g) => g.groupName);
    },

    /**
     * The members among ids who may see every one of the spaces (a notice that names a topic goes to
     * them only: not to someone who lost sight of it when the space went private or they left a group).
     */
    async membersWhoSee(spaceIds: readonly number[], memberIds: readonly number[]): Promise<Set<number>> {
      const seen = async (viewer: SpaceViewer): Promise<boolean> => {
        const ids = new Set((await seenSpaces(viewer)).map(({ space }) => space.id));
        return spaceIds.every((id) => ids.has(id));
      };
      const rows = await viewersByIds(db, [...new Set(memberIds)]);
      // What guests see, every member sees.
      if (await seen(await viewerOf(null))) return new Set(rows.map((r) => r.member_id));
      const out = new Set<number>();
      for (const row of rows) {
        const actor = memberPrincipal({ memberId: row.member_id, username: row.username, role: row.role, trustLevel: row.trust_level }, 'read');
        if (await seen(await viewerOf(actor))) out.add(row.member_id);
      }
      return out;
    },

    /** Ids of every space the viewer may see (its parent too): the filter for search, feeds and realtime. */
    async visibleSpaceIds(viewer: SpaceViewer): Promise<number[]> {
      return (await seenSpaces(viewer)).map(({ space }) => space.id);
    },

    viewerOf,

    async create(actor: Actor, body: CreateSpaceBody, ip: string): Promise<SpaceView> {
      const admin = requireRole(actor, 'admin', 'Only admins can create spaces');
      if (body.parentId !== undefined) {
        const parent = await findSpace(db, body.parentId);
        if (!parent) throw invalid('parentId', 'No such space');
        if (parent.parent_id !== null) throw invalid('parentId', 'Spaces nest one level only');
      }
      let id: number;
      try {
        id = await ctx.database.tx(async (trx) => {
          const created = await insertSpace(trx, {
            parentId: body.parentId ?? null,
            name: body.name.trim(),
            slug: body.slug,
            description: body.description ?? '',
            color: body.color,
            position: body.position ?? 0,
            visibility: body.visibility,
            kind: body.kind ?? 'discussion',
          });
          await insertAudit(trx, { actorId: admin.memberId, action: 'space.create', targetType: 'space', targetId: created, after: body, ip });
          return created;
        });
      } catch (error) {
        if (pgErrorCode(error) === pgCodes.uniqueViolation) throw new AppError('slug_taken', `A space with the slug ${body.slug} exists`, { field: 'slug' });
        throw error;
      }
      await ctx.bus.emit('space.created', { spaceId: id });
      return present((await visible(actor, id)).space, { canSee: true, canPost: true, canReply: true });
    },

    /** Renames, re-describes, recolours, moves, changes the visibility or the kind of a space (admins). */
    async update(actor: Actor, id: number, body: UpdateSpaceBody, ip: string): Promise<SpaceView> {
      const admin = requireRole(actor, 'admin', 'Only admins can change spaces');
      const before = await findSpace(db, id);
      if (!before) throw notFound('Space not found');
      const changes = body.name !== undefined ? { ...body, name: body.name.trim() } : body;
      try {
        await ctx.database.tx(async (trx) => {
          await updateSpace(trx, id, changes);
          await insertAudit(trx, { actorId: admin.memberId, action: 'space.update', targetType: 'space', targetId: id, before, after: changes, ip });
        });
      } catch (error) {
        if (pgErrorCode(error) === pgCodes.uniqueViolation) throw new AppError('slug_taken', `A space with the slug ${body.slug ?? ''} exists`, { field: 'slug' });
        throw error;
      }
      await ctx.bus.emit('space.updated', { spaceId: id });
      return present((await visible(actor, id)).space, { canSee: true, canPost: true, canReply: true });
    },

    async permissions(actor: Actor, id: number): Promise<SpacePermissionsView> {
      requireRole(actor, 'admin', 'Only admins can read space permissions');
      if (!(await findSpace(db, id))) throw notFound('Space not found');
      return permissionsOf(id);
    },

    async setPermissions(actor: Actor, id: number, body: SpacePermissionsBody, ip: string): Promise<SpacePermissionsView> {
      const admin = requireRole(actor, 'admin', 'Only admins can change space permissions');
      if (!(await findSpace(db, id))) throw notFound('Space not found');
      const groupIds = body.grants.map((g) => g.groupId);
      if (new Set(groupIds).size !== groupIds.length) throw invalid('grants', 'Each group may appear once');
      const before = await permissionsOf(id);
      try {
        await ctx.database.tx(async (trx) => {
          await replaceGrants(trx, id, body.grants);
          await touchSpace(trx, id);
          await insertAudit(trx, { actorId: admin.memberId, action: 'space.permissions', targetType: 'space', targetId: id, before: before.grants, after: body.grants, ip });
        });
      } catch (error) {
        if (pgErrorCode(error) === pgCodes.foreignKeyViolation) throw invalid('grants', 'No such group');
        throw error;
      }
      await ctx.bus.emit('space.updated', { spaceId: id });
      return permissionsOf(id);
    },
  };
}

export type SpacesService = ReturnType<typeof createSpacesService>;
