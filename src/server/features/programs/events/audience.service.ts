// Who among some members may still see a space. Program notices carry a topic's title and link and are
// listed whatever the member can see, so members who lost access (a private space, a group they left)
// are left out. Reads outside any transaction (the embedded database has one connection).
import type { AppContext } from '../../../context';
import { AppError } from '../../../platform/errors';
import type { Principal } from '../../../platform/http/principal';
import type { Discussions } from '../../discussions';
import { readersOf } from './events.store';

export type Audience = (spaceId: number, memberIds: readonly number[]) => Promise<number[]>;

export function createAudience(ctx: AppContext, spaces: Pick<Discussions['spaces'], 'visible'>): Audience {
  async function sees(viewer: Principal | null, spaceId: number): Promise<boolean> {
    try {
      await spaces.visible(viewer, spaceId);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return false;
      throw error;
    }
  }

  return async (spaceId, memberIds) => {
    if (memberIds.length === 0) return [];
    // A space guests see, every member sees.
    if (await sees(null, spaceId)) return [...memberIds];
    const seeing: number[] = [];
    for (const r of await readersOf(ctx.database.db, memberIds)) {
      const viewer: Principal = {
        memberId: r.member_id, username: r.username, role: r.role, trustLevel: r.trust_level, emailConfirmed: true, via: 'session', scope: 'read',
        sessionId: undefined, sessionExpiresAt: undefined, csrfToken: undefined, credentialHash: '',
      };
      if (await sees(viewer, spaceId)) seeing.push(r.member_id);
    }
    return seeing.sort((a, b) => a - b);
  };
}
