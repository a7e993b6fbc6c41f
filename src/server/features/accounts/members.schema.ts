import { Type, type Static } from '@sinclair/typebox';

export const memberSuggestLimits = { qMax: 60, max: 8 } as const;

export const MemberSuggestQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: memberSuggestLimits.qMax, description: 'The start of a username or of a word of a display name; a leading @ is ignored' }),
});
export type MemberSuggestQuery = Static<typeof MemberSuggestQuery>;

export const MemberSuggestion = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});
export type MemberSuggestion = Static<typeof MemberSuggestion>;

export const MemberSuggestionList = Type.Object({ items: Type.Array(MemberSuggestion, { maxItems: memberSuggestLimits.max }) });
export type MemberSuggestionList = Static<typeof MemberSuggestionList>;
