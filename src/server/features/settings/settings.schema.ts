import { Type, type Static } from '@sinclair/typebox';

export const defaultGuidelines = `# Community guidelines

1. **Be kind.** Disagree with ideas, not people. No harassment, insults or hate.
2. **Stay on topic.** Post in the space that fits, and search before you ask.
3. **No spam.** No advertising, link farming or repeated posts.
4. **Respect privacy.** Do not share other people's personal information.
5. **Help keep it healthy.** Flag what breaks these rules instead of replying to it.

Moderators may hide posts and limit accounts that break these guidelines. You can appeal any decision.
`;

export const defaultWelcomeMessage = `Hi {displayName}, welcome to {siteName}!

We are glad you are here. A few things to get you started:

- Read the [community guidelines](/guidelines): they are short.
- Follow the **Start here** checklist on the [home page](/): fill in your profile, introduce yourself and write a first reply.
- Ask anything: people here like to help.

If you have a question, just reply to this message.
`;

// Trust levels: what a member must have done to reach a level, and what each level may post.
const count = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });
const cap = (description: string) => Type.Union([Type.Integer({ minimum: 0, maximum: 100_000 }), Type.Null()], { description: `${description}; null: no limit` });

export const TrustRequirements = Type.Object(
  {
    daysVisited: count('Distinct days the member was seen'),
    topicsEntered: count('Topics the member opened and read'),
    postsRead: count('Posts read (read marks summed over topics)'),
    replies: count('Replies written (not deleted)'),
    reactionsGiven: count('Reactions given'),
    reactionsReceived: count('Reactions received from others'),
    maxFlagsAgreed: cap('Flags against the member that moderators agreed with, at most'),
  },
  { additionalProperties: false },
);

export const TrustLevelThresholds = Type.Object(
  {
    tl1: TrustRequirements,
    tl2: TrustRequirements,
    tl3: TrustRequirements,
    tl3PeriodDays: Type.Integer({ minimum: 1, maximum: 3650, description: 'Trust level 3 counts the last this many days; a member who no longer meets it drops to 2' }),
  },
  { additionalProperties: false, description: 'Requirements for trust levels 1–3 (4 is granted by hand)' },
);

export const TrustLimits = Type.Object(
  {
    linksPerPost: cap('Links in one post'),
    imagesPerPost: cap('Images in one post'),
    topicsPerDay: cap('New topics in 24 hours'),
    repliesPerDay: cap('Replies in 24 hours'),
    secondsBetweenPosts: cap('Seconds between two posts'),
  },
  { additionalProperties: false },
);

export const TrustLevelLimits = Type.Object(
  { tl0: TrustLimits, tl1: TrustLimits, tl2: TrustLimits },
  { additionalProperties: false, description: 'Posting limits per trust level; tl2 applies to trust level 2 and above' },
);

export const SiteSettings = Type.Object(
  {
    siteName: Type.String({ minLength: 1, maxLength: 80 }),
    siteDescription: Type.String({ maxLength: 500 }),
    allowSignups: Type.Boolean({ description: 'Whether new members may sign up' }),
    requireEmailConfirmation: Type.Boolean({ description: 'With SMTP configured, members must confirm their email before their first login' }),
    guidelines: Type.String({ minLength: 1, maxLength: 50_000, description: 'Community guidelines (Markdown)' }),
    guidelinesVersion: Type.Integer({ minimum: 1, description: 'Goes up by one each time the guidelines change' }),
    spamHoldEnabled: Type.Boolean({ description: 'Built-in check: hold likely spam from trust-level-0 members even when no automod rule says so' }),
    spamHoldThreshold: Type.Number({ minimum: 0.5, maximum: 1, description: 'Built-in check: a trust-level-0 member\'s post the spam classifier scores at least this high is held for review' }),
    approveSignups: Type.Boolean({ description: 'New sign-ups wait in the review queue and cannot sign in until a moderator approves them' }),
    reviewFirstPosts: Type.Boolean({ description: 'Hold every new member\'s first post for review' }),
    automodWarnShare: Type.Number({ minimum: 0.001, maximum: 1, description: 'A dry-run warns when a rule would catch more than this share of recent posts' }),
    flagHideThreshold: Type.Number({ minimum: 0.5, maximum: 100, description: 'A post is hidden until review when the weight of its open flags reaches this (a trust-level-2 flag weighs about 1)' }),
    trustLevelThresholds: TrustLevelThresholds,
    trustLevelLimits: TrustLevelLimits,
    articleReviewDays: Type.Integer({ minimum: 1, maximum: 3650, description: 'An article whose last review is older than this many days (or that was never reviewed) is flagged "needs review"' }),
    transparencyPage: Type.Boolean({ description: 'Publish /api/transparency: moderation actions per month and the latest ones, without private details' }),
    welcomeMessageEnabled: Type.Boolean({ description: 'Send each member who signs up a private welcome message' }),
    welcomeMessageTitle: Type.String({ minLength: 1, maxLength: 200, description: 'Title of the welcome message; {username}, {displayName} and {siteName} are filled in' }),
    welcomeMessage: Type.String({ minLength: 1, maxLength: 20_000, description: 'The welcome message (Markdown); {username}, {displayName} and {siteName} are filled in' }),
    welcomeSender: Type.String({ maxLength: 60, description: 'Username of the staff member the welcome message comes from; empty: the first admin' }),
    introductionsSpaceId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'The space where newcomers introduce themselves; null: any topic tagged introductions counts' }),
    helperGroup: Type.String({ maxLength: 60, description: 'Named group whose members may see the newcomers\' queue besides staff; empty: staff only' }),
    newcomerDays: Type.Integer({ minimum: 1, maximum: 365, description: 'A topic counts as a newcomer\'s when its author joined less than this many days before it' }),
    newcomerResponseHours: Type.Integer({ minimum: 1, maximum: 720, description: 'A newcomer\'s topic with no reply after this many hours is overdue' }),
    qaReputation: Type.Object({ accepted: Type.Integer({ minimum: 0, maximum: 1000 }), upvote: Type.Integer({ minimum: 0, maximum: 1000 }) }, { additionalProperties: false, description: 'Reputation an answer earns its author in Q&A spaces: when accepted, and per up-vote' }),
  },
  { $id: 'SiteSettings' },
);
export type SiteSettings = Static<typeof SiteSettings>;

export const settingDefaults: SiteSettings = {
  siteName: 'Hearth',
  siteDescription: 'A community powered by Hearth',
  allowSignups: true,
  requireEmailConfirmation: false,
  guidelines: defaultGuidelines,
  guidelinesVersion: 1,
  spamHoldEnabled: true,
  spamHoldThreshold: 0.9,
  approveSignups: false,
  reviewFirstPosts: false,
  automodWarnShare: 0.05,
  flagHideThreshold: 3,
  trustLevelThresholds: {
    tl1: { daysVisited: 0, topicsEntered: 5, postsRead: 30, replies: 0, reactionsGiven: 0, reactionsReceived: 0, maxFlagsAgreed: null },
    tl2: { daysVisited: 15, topicsEntered: 20, postsRead: 100, replies: 3, reactionsGiven: 1, reactionsReceived: 1, maxFlagsAgreed: null },
    tl3: { daysVisited: 50, topicsEntered: 100, postsRead: 500, replies: 10, reactionsGiven: 30, reactionsReceived: 20, maxFlagsAgreed: 5 },
    tl3PeriodDays: 100,
  },
  trustLevelLimits: {
    tl0: { linksPerPost: 2, imagesPerPost: 1, topicsPerDay: 3, repliesPerDay: 10, secondsBetweenPosts: 30 },
    tl1: { linksPerPost: 5, imagesPerPost: 5, topicsPerDay: 10, repliesPerDay: 50, secondsBetweenPosts: 10 },
    tl2: { linksPerPost: null, imagesPerPost: null, topicsPerDay: null, repliesPerDay: null, secondsBetweenPosts: null },
  },
  articleReviewDays: 180,
  transparencyPage: false,
  welcomeMessageEnabled: true,
  welcomeMessageTitle: 'Welcome to {siteName}, {displayName}!',
  welcomeMessage: defaultWelcomeMessage,
  welcomeSender: '',
  introductionsSpaceId: null,
  helperGroup: 'welcome-committee',
  newcomerDays: 14,
  newcomerResponseHours: 24,
  qaReputation: { accepted: 15, upvote: 10 },
};

export const SettingsPatch = Type.Partial(Type.Omit(SiteSettings, ['guidelinesVersion']), { additionalProperties: false, minProperties: 1 });
export type SettingsPatch = Static<typeof SettingsPatch>;

export const SiteInfo = Type.Object({
  name: Type.String(),
  description: Type.String(),
  version: Type.String(),
  allowSignups: Type.Boolean(),
  needsSetup: Type.Boolean({ description: 'True until the first admin exists' }),
  emailDelivery: Type.Boolean({ description: 'Whether Hearth can send email (SMTP configured)' }),
  guidelinesVersion: Type.Integer(),
});

