// Payloads of bug reports and their GitHub links: validation, types and the OpenAPI document.
import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, PageQuery, Timestamp } from '../../../platform/http/schemas';
import { discussionLimits } from '../../discussions';

export const bugLimits = { stepsMax: 10_000, textMax: 5_000, versionMax: 100, commentMax: 2_000 } as const;

const Field = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const Tag = Type.String({ minLength: 1, maxLength: discussionLimits.tagMax, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' });

export const BugReportBody = Type.Object(
  {
    spaceId: Type.Integer({ minimum: 1, description: 'A space of kind bugs' }),
    title: Type.String({ minLength: discussionLimits.titleMin, maxLength: discussionLimits.titleMax }),
    steps: Field(bugLimits.stepsMax, 'Steps to reproduce (Markdown)'),
    expected: Field(bugLimits.textMax, 'What should have happened (Markdown)'),
    actual: Field(bugLimits.textMax, 'What happened instead (Markdown)'),
    version: Field(bugLimits.versionMax, 'The version, build or environment'),
    tags: Type.Optional(Type.Array(Tag, { maxItems: discussionLimits.tagsMax })),
  },
  { additionalProperties: false },
);
export type BugReportBody = Static<typeof BugReportBody>;

export const BugStatusValue = Type.Union([Type.Literal('open'), Type.Literal('closed')]);

const ReporterView = Type.Object({ id: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), displayName: Type.String() });

export const SyncState = Type.Union([Type.Literal('synced'), Type.Literal('pending'), Type.Literal('failed')], {
  description: 'pending: a call to GitHub waits for a retry (sync pending); failed: the newest call gave up (see lastError)',
});

export const GitHubLinkView = Type.Object({
  repo: Type.String({ description: 'owner/name' }),
  issueNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'Null while the issue is still being created' }),
  url: Type.Union([Type.String(), Type.Null()]),
  issueState: Type.Union([BugStatusValue, Type.Null()], { description: 'The issue\'s state as GitHub last told; null: not known yet' }),
  syncState: SyncState,
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type GitHubLinkView = Static<typeof GitHubLinkView>;

export const BugReportView = Type.Object({
  topicId: Type.Integer(),
  spaceId: Type.Integer(),
  title: Type.String(),
  slug: Type.String(),
  tags: Type.Array(Type.String()),
  reporter: Type.Union([ReporterView, Type.Null()]),
  steps: Type.String(),
  expected: Type.String(),
  actual: Type.String(),
  version: Type.String(),
  status: BugStatusValue,
  statusChangedAt: NullableTimestamp,
  createdAt: Timestamp,
  replyCount: Type.Integer(),
  votes: Type.Integer({ description: 'Members it affects too' }),
  voted: Type.Boolean({ description: 'Whether it affects you too (you voted)' }),
  github: Type.Union([GitHubLinkView, Type.Null()]),
});
export type BugReportView = Static<typeof BugReportView>;

export const BugReportPage = Type.Object({ items: Type.Array(BugReportView), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type BugReportPage = Static<typeof BugReportPage>;

export const BugReportListQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')], { default: 'open' })) })]);
export type BugReportListQuery = Static<typeof BugReportListQuery>;

export const BugStatusBody = Type.Object(
  { status: BugStatusValue, comment: Type.Optional(Type.String({ maxLength: bugLimits.commentMax, description: 'Told to whoever follows the report, and commented on the linked issue' })) },
  { additionalProperties: false },
);
export type BugStatusBody = Static<typeof BugStatusBody>;

export const BugVoteView = Type.Object({ topicId: Type.Integer(), votes: Type.Integer(), voted: Type.Boolean() });
export type BugVoteView = Static<typeof BugVoteView>;

export const LinkIssueBody = Type.Union(
  [
    Type.Object({ url: Type.String({ minLength: 1, maxLength: 500, description: 'An existing issue, https://github.com/OWNER/REPO/issues/N' }) }, { additionalProperties: false }),
    Type.Object(
      {
        create: Type.Literal(true, { description: 'Create a new issue through the GitHub API' }),
        repo: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$', description: 'owner/name; default: the admin setting' })),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'Link an existing issue ({url}) or create one ({create: true, repo?})' },
);
export type LinkIssueBody = Static<typeof LinkIssueBody>;

export const TopicLinkView = Type.Object({ topicId: Type.Integer(), link: Type.Union([GitHubLinkView, Type.Null()]) });
export type TopicLinkView = Static<typeof TopicLinkView>;
