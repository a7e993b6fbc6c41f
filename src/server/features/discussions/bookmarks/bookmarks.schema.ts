import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, PageQuery, Timestamp } from '../../../platform/http/schemas';
import { PostExcerptView } from '../posts/excerpts.schema';

export const bookmarkLimits = { noteMax: 500 } as const;

export const BookmarkBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: bookmarkLimits.noteMax, description: 'A private note to self' })),
    remindAt: Type.Optional(Type.Union([Timestamp, Type.Null()], { description: 'When to come back to the post; null clears it' })),
  },
  { additionalProperties: false, description: 'Send {} for a plain bookmark; on a bookmarked post, the fields given replace the old ones' },
);
export type BookmarkBody = Static<typeof BookmarkBody>;

export const BookmarkView = Type.Composite(
  [
    PostExcerptView,
    Type.Object({
      note: Type.String(),
      remindAt: NullableTimestamp,
      bookmarkedAt: Timestamp,
    }),
  ],
  { $id: 'Bookmark' },
);
export type BookmarkView = Static<typeof BookmarkView>;

export const BookmarkPage = Type.Object({ items: Type.Array(BookmarkView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type BookmarkPage = Static<typeof BookmarkPage>;

export const BookmarkQuery = PageQuery;
export type BookmarkQuery = Static<typeof BookmarkQuery>;
