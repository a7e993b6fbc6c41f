// Finding members by name for signed-in members: the @mention autocomplete.
import type { AppContext } from '../../context';
import { requireMember, type Actor } from '../../platform/http/principal';
import { memberSuggestLimits, type MemberSuggestionList } from './members.schema';
import { suggestMembers } from './members.store';

export function createMembersService(ctx: AppContext) {
  return {
    /** Up to 8 members by username or display-name prefix; an empty list when the text cannot start a name. */
    async suggest(actor: Actor, q: string): Promise<MemberSuggestionList> {
      requireMember(actor);
      const prefix = q.trim().replace(/^@/, '');
      if (prefix === '') return { items: [] };
      const rows = await suggestMembers(ctx.database.db, prefix, memberSuggestLimits.max, new Date());
      return { items: rows.map((r) => ({ username: r.username, displayName: r.display_name, avatarUrl: r.avatar_url })) };
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
