// Pure decisions for discussions: limits, the reaction set, slugs, and who may do what in a space.
import type { SpaceVisibility } from '../../platform/db/schema';

export const limits = {
  titleMin: 3,
  titleMax: 200,
  bodyMin: 1,
  bodyMax: 32_000,
  tagsMax: 5,
  tagMax: 30,
  postsPerPage: 20,
} as const;

/** The reactions members can add to a post. */
export const REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '🙏'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** A URL-friendly slug from a title: lower-case ASCII letters, digits and single dashes. */
export function slugify(title: string, fallback = 'topic'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** Tags are trimmed, lower-cased and de-duplicated, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

export interface SpaceGrant {
  groupName: string;
  canSee: boolean;
  canPost: boolean;
  canReply: boolean;
}

export interface SpaceAccess {
  canSee: boolean;
  canPost: boolean;
  canReply: boolean;
}

/**
 * Staff see and write everywhere. A public space is seen by everyone; without grants, signed-in members
 * post and reply, with grants only the granted groups do. A private space is seen only by staff and the
 * groups granted `canSee`.
 */
export function spaceAccess(
  space: { visibility: SpaceVisibility },
  grants: readonly SpaceGrant[],
  viewer: { groups: readonly string[]; isStaff: boolean; signedIn: boolean },
): SpaceAccess {
  if (viewer.isStaff) return { canSee: true, canPost: true, canReply: true };
  const mine = grants.filter((g) => viewer.groups.includes(g.groupName));
  const canSee = space.visibility === 'public' || mine.some((g) => g.canSee);
  if (!canSee || !viewer.signedIn) return { canSee, canPost: false, canReply: false };
  if (space.visibility === 'public' && grants.length === 0) return { canSee, canPost: true, canReply: true };
  return { canSee, canPost: mine.some((g) => g.canPost), canReply: mine.some((g) => g.canReply || g.canPost) };
}
