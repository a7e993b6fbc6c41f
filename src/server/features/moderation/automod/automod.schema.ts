// Automod rules as data: conditions (all must match) and actions. Stored as JSON, edited in the UI and API.
import { Type, type Static } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;

const Word = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const WordsCondition = Type.Object(
  {
    type: Type.Literal('words'),
    words: Type.Array(Word, {
      minItems: 1,
      maxItems: 200,
      description: 'Words or phrases; any one matches (case-insensitive, whole words, spaces match any whitespace)',
    }),
  },
  closed,
);

export const RegexCondition = Type.Object(
  {
    type: Type.Literal('regex'),
    pattern: Type.String({ minLength: 1, maxLength: 500, description: 'A JavaScript regular expression, checked for catastrophic backtracking on save' }),
    flags: Type.Optional(Type.String({ maxLength: 4, pattern: '^(?!.*(.).*\\1)[imsu]*$', description: 'Any of i, m, s, u' })),
  },
  closed,
);

export const LinksCondition = Type.Object(
  {
    type: Type.Literal('links'),
    min: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'At least this many links (default 1); only links to `domains` count when given' })),
    domains: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 253, pattern: '^\\*?\\.?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.?$' }), {
        minItems: 1,
        maxItems: 200,
        description: 'A domain matches itself and its subdomains',
      }),
    ),
  },
  closed,
);

export const MentionsCondition = Type.Object(
  { type: Type.Literal('mentions'), min: Type.Integer({ minimum: 1, maximum: 100, description: 'At least this many distinct @mentions' }) },
  closed,
);

export const TrustLevelCondition = Type.Object(
  { type: Type.Literal('trustLevel'), max: Type.Integer({ minimum: 0, maximum: 4, description: 'The author\'s trust level is at most this' }) },
  closed,
);

export const AccountAgeCondition = Type.Object(
  { type: Type.Literal('accountAge'), maxHours: Type.Number({ exclusiveMinimum: 0, maximum: 87600, description: 'The account is younger than this' }) },
  closed,
);

export const PostCountCondition = Type.Object(
  { type: Type.Literal('postCount'), max: Type.Integer({ minimum: 0, maximum: 100000, description: 'The author wrote at most this many posts before' }) },
  closed,
);

export const SpaceCondition = Type.Object(
  { type: Type.Literal('space'), spaceIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200, description: 'The post is in one of these spaces' }) },
  closed,
);

export const RateCondition = Type.Object(
  {
    type: Type.Literal('rate'),
    posts: Type.Integer({ minimum: 2, maximum: 1000, description: 'This post is at least the Nth by the author…' }),
    seconds: Type.Integer({ minimum: 1, maximum: 86400, description: '…within this many seconds, counting itself' }),
  },
  closed,
);

export const DuplicateCondition = Type.Object(
  {
    type: Type.Literal('duplicate'),
    withinHours: Type.Number({ exclusiveMinimum: 0, maximum: 24, description: 'The author posted the same text (ignoring case, spacing and punctuation) within this window' }),
  },
  closed,
);

export const ClassifierCondition = Type.Object(
  {
    type: Type.Literal('classifier'),
    model: Type.Union([Type.Literal('spam'), Type.Literal('abuse')]),
    label: Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.:-]+$', description: 'e.g. spam, hate, harassment' }),
    minScore: Type.Number({ minimum: 0, maximum: 1, description: 'The model gives the label at least this probability' }),
  },
  closed,
);

export const AutomodCondition = Type.Union([
  WordsCondition,
  RegexCondition,
  LinksCondition,
  MentionsCondition,
  TrustLevelCondition,
  AccountAgeCondition,
  PostCountCondition,
  SpaceCondition,
  RateCondition,
  DuplicateCondition,
  ClassifierCondition,
]);
export type AutomodCondition = Static<typeof AutomodCondition>;

const bare = <T extends string>(type: T, description: string) => Type.Object({ type: Type.Literal(type) }, { ...closed, description });

export const AutomodAction = Type.Union([
  bare('hold', 'Hold the post for review (reject wins over hold)'),
  bare('reject', 'Refuse the post'),
  bare('flag', 'Flag the post for moderators'),
  Type.Object({ type: Type.Literal('tag'), tag: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,29}$' }) }, { ...closed, description: 'Tag the topic' }),
  Type.Object(
    { type: Type.Literal('silence'), hours: Type.Integer({ minimum: 1, maximum: 720 }) },
    { ...closed, description: 'Silence the author for this many hours' },
  ),
  bare('notifyModerators', 'Notify the moderators'),
]);
export type AutomodAction = Static<typeof AutomodAction>;

export const AutomodRuleInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    enabled: Type.Boolean(),
    conditions: Type.Array(AutomodCondition, { minItems: 1, maxItems: 10, description: 'The rule matches when all of them match' }),
    actions: Type.Array(AutomodAction, { minItems: 1, maxItems: 6 }),
    message: Type.Optional(Type.String({ maxLength: 500, description: 'Shown to the author when the post is held or rejected' })),
    guideline: Type.Optional(Type.String({ maxLength: 100, description: 'The id (anchor) of the guidelines section the rule cites' })),
  },
  closed,
);
export type AutomodRuleInput = Static<typeof AutomodRuleInput>;
