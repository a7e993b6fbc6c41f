import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../../platform/http/schemas';
import { AuthorView } from './posts.schema';

/** A post in a list elsewhere than its topic: where it is, who wrote it, and the start of its text. */
export const PostExcerptView = Type.Object(
  {
    id: Type.Integer(),
    topicId: Type.Integer(),
    topicTitle: Type.String(),
    topicSlug: Type.String(),
    spaceId: Type.Integer(),
    postNumber: Type.Integer({ description: '1: the post that started the topic' }),
    author: AuthorView,
    excerpt: Type.String({ description: 'Plain text from the start of the post (not HTML)' }),
    createdAt: Timestamp,
  },
  { $id: 'PostExcerpt' },
);
export type PostExcerptView = Static<typeof PostExcerptView>;
