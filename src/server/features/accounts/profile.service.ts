// The signed-in member's own account: profile, password; and everyone's public profiles.
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../platform/errors';
import { requireMember, type Actor } from '../../platform/http/principal';
import { hashPassword, verifyPassword } from '../../platform/safety/passwords';
import { insertAudit } from '../audit';
import type { MeView, ProfilePatch, PublicMember } from './accounts.schema';
import { toMeView, toPublicMember } from './accounts.presenter';
import { findAccountById, findAccountByUsername, updatePasswordHash, updateProfile, type ProfileChanges } from './accounts.store';
import type { CredentialResolver } from './credentials';
import { deleteMemberSessions } from './sessions.store';
import { checkPassword } from './signup.service';
import { retireTokens } from './tokens.store';

export function createProfileService(ctx: AppContext, resolver: CredentialResolver) {
  async function loadMe(memberId: number): Promise<MeView> {
    const account = await findAccountById(ctx.database.db, memberId);
    if (!account) throw notFound('Member not found');
    return toMeView(account);
  }

  return {
    /** Served from the credential cache: no database round trip. */
    async me(actor: Actor): Promise<MeView> {
      const member = requireMember(actor);
      return resolver.cachedMe(member) ?? loadMe(member.memberId);
    },

    async update(actor: Actor, patch: ProfilePatch): Promise<MeView> {
      const member = requireMember(actor);
      const changes: ProfileChanges = {};
      if (patch.displayName !== undefined) changes.display_name = patch.displayName.trim();
      if (patch.bio !== undefined) changes.bio = patch.bio;
      if (patch.avatarUrl !== undefined) changes.avatar_url = patch.avatarUrl;
      if (patch.location !== undefined) changes.location = patch.location.trim();
      if (patch.company !== undefined) changes.company = patch.company.trim();
      await updateProfile(ctx.database.db, member.memberId, changes);
      await ctx.bus.emit('member.updated', { memberId: member.memberId });
      return loadMe(member.memberId);
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string, ip: string): Promise<void> {
      const member = requireMember(actor);
      const account = await findAccountById(ctx.database.db, member.memberId);
      if (!account) throw notFound('Member not found');
      if (!(await verifyPassword(account.password_hash, currentPassword))) {
        throw new AppError('invalid_credentials', 'The current password is wrong', { field: 'currentPassword' });
      }
      checkPassword(newPassword, { username: account.username, email: account.email }, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      await ctx.database.tx(async (trx) => {
        await updatePasswordHash(trx, member.memberId, passwordHash);
        await deleteMemberSessions(trx, member.memberId, member.sessionId);
        // A reset link sent before the change must not undo it.
        await retireTokens(trx, 'password_reset', member.memberId);
        await insertAudit(trx, { actorId: member.memberId, action: 'account.passwordChange', targetType: 'member', targetId: member.memberId, ip });
      });
      await ctx.bus.emit('member.credentialsChanged', { memberId: member.memberId });
    },

    async publicProfile(username: string): Promise<PublicMember> {
      const account = await findAccountByUsername(ctx.database.db, username);
      if (!account) throw notFound(`No member named ${username}`);
      return toPublicMember(account);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
