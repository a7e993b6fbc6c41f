import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../../platform/http/schemas';
import { REACTIONS, limits } from '../discussions.rules';

export const AuthorView = Type.Object({
  id: Type.Integer(),
  username: Type.Union([Type.String(), Type.Null()], { description: 'Null for members without an account (imported)' }),
  displayName: Type.String(),
});
export type AuthorView = Static<typeof AuthorView>;

export const Emoji = Type.Union(REACTIONS.map((e) => Type.Literal(e)), { description: 'One of the site\'s reactions' });

export const ReactionSummary = Type.Object({
  emoji: Type.String(),
  count: Type.Integer(),
  reacted: Type.Boolean({ description: 'Whether the viewer added this reaction' }),
});
export type ReactionSummary = Static<typeof ReactionSummary>;

export const PostView = Type.Object(
  {
    id: Type.Integer(),
    topicId: Type.Integer(),
    postNumber: Type.Integer({ description: '1 is the topic\'s first post' }),
    author: AuthorView,
    replyToPostId: Type.Union([Type.Integer(), Type.Null()]),
    body: Type.String({ description: 'Markdown as written; empty when deleted, except for its author and staff' }),
    html: Type.String({ description: 'Sanitized HTML rendered from body' }),
    revision: Type.Integer({ description: 'Send it back when editing; goes up by one on each edit' }),
    deleted: Type.Boolean(),
    moderationState: Type.Union([Type.Literal('held'), Type.Literal('hidden'), Type.Literal('rejected'), Type.Null()], {
      description: 'Why a deleted post is gone: held for review (only staff see those), hidden after flags, or rejected by a moderator; null otherwise',
    }),
    editedAt: NullableTimestamp,
    createdAt: Timestamp,
    reactions: Type.Array(ReactionSummary),
    bookmarked: Type.Boolean({ description: 'Whether the viewer bookmarked this post' }),
  },
  { $id: 'Post' },
);
export type PostView = Static<typeof PostView>;

export const PostBody = Type.String({ minLength: limits.bodyMin, maxLength: limits.bodyMax, description: 'Markdown' });

export const CreatePostBody = Type.Object(
  { body: PostBody, replyToPostId: Type.Optional(Type.Integer({ minimum: 1, description: 'A post of the same topic' })) },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const PreviewBody = Type.Object({ body: PostBody }, { additionalProperties: false });
export const PreviewView = Type.Object({ html: Type.String({ description: 'Sanitized HTML, exactly as the post would show it' }) });

export const EditPostBody = Type.Object(
  { body: PostBody, revision: Type.Integer({ minimum: 1, description: 'The revision the edit is based on; a stale one is an edit_conflict' }) },
  { additionalProperties: false },
);
export type EditPostBody = Static<typeof EditPostBody>;

export const ReactionBody = Type.Object({ emoji: Emoji }, { additionalProperties: false });
export const ReactionParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), emoji: Emoji });
export const ReactionsView = Type.Object({ reactions: Type.Array(ReactionSummary) });

export const DiffLineView = Type.Object({
  op: Type.Union([Type.Literal('same'), Type.Literal('remove'), Type.Literal('add')]),
  text: Type.String(),
});

export const RevisionView = Type.Object(
  {
    revision: Type.Integer(),
    body: Type.String({ description: 'Markdown as it was at this revision' }),
    editor: Type.Union([AuthorView, Type.Null()], { description: 'Who wrote this revision: the author for the first, else who edited; null if that member is gone' }),
    createdAt: Timestamp,
    diff: Type.Union([Type.Array(DiffLineView), Type.Null()], { description: 'Lines changed from the previous revision; null for the first' }),
  },
  { $id: 'PostRevision' },
);
export type RevisionView = Static<typeof RevisionView>;

export const RevisionList = Type.Object({ items: Type.Array(RevisionView, { description: 'Oldest first; the last is the current body' }) });
export type RevisionList = Static<typeof RevisionList>;

export const HeldReasonView = Type.Object(
  {
    source: Type.Union([Type.Literal('automod'), Type.Literal('classifier'), Type.Literal('first_post'), Type.Literal('flags')], {
      description: 'What held it: an automod rule (the built-in spam check is rule 0), a classifier, first-post review or flags',
    }),
    ruleId: Type.Union([Type.Integer(), Type.Null()]),
    rule: Type.Union([Type.String(), Type.Null()], { description: 'The rule\'s name' }),
    message: Type.String({ description: 'What the author is told' }),
    guideline: Type.Union([Type.String(), Type.Null()], { description: 'The guidelines section it cites' }),
    evidence: Type.Array(Type.String(), { description: 'What matched, in words' }),
  },
  { $id: 'HeldReason' },
);

export const HeldPostView = Type.Object(
  {
    id: Type.Integer({ description: 'The held post' }),
    topicId: Type.Integer(),
    status: Type.Literal('held'),
    reason: HeldReasonView,
  },
  { $id: 'HeldPost', description: 'The post was written but waits for a moderator; nobody else sees it until it is approved' },
);

export const MyHeldPosts = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        id: Type.Integer({ description: 'The held post (see /api/me/moderation for why, and to appeal once it is decided)' }),
        postNumber: Type.Integer(),
        excerpt: Type.String({ description: 'The start of the post as plain text' }),
        createdAt: Timestamp,
      }),
    ),
  },
  { $id: 'MyHeldPosts', description: 'Your replies in the topic that wait for a moderator; nobody else sees them yet' },
);
export type MyHeldPosts = Static<typeof MyHeldPosts>;
