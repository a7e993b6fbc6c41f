// The moderation post gate: sanctions, pair cool-downs, slow mode and trust-level limits refuse a
// post; the classifiers score it; automod rules (and the built-in spam check) hold, reject, flag or
// tag it. Staff pass unchecked. Everything that writes happens in record() (inside the post's
// transaction) or afterCommit().
import type { AppContext } from '../../../context';
import { AppError } from '../../../platform/errors';
import type { GateVerdict, HeldReason, PostDraft, PostGate } from '../../discussions/post-gate';
import { extractMentions } from '../../notifications/mentions.rules';
import { accountsByUsernames } from '../../notifications/notifications.store';
import type { SettingsService } from '../../settings';
import { evaluate, linkHosts, mentionCount, textHash, type AutomodVerdict, type PostFacts } from '../automod';
import type { RuleCache } from '../automod/rule-cache';
import { bumpRuleHits } from '../automod/automod.store';
import { upsertReviewItem } from '../queue/queue.store';
import type { Scorer, PostScores } from '../scoring';
import { checkPostingLimits } from '../trust';
import { heldNotice, type ModerationNotices } from '../notices';
import { authorFacts, cooledDownWith, insertScores, postAuthor, recentPosts, topicModeration } from './gate.store';

const DAY_MS = 86_400_000;

export interface GateDeps {
  settings: SettingsService;
  rules: RuleCache;
  scorer: Scorer;
  notices: ModerationNotices;
  /** Silences a member on a rule's behalf (sanctions). */
  silence(memberId: number, hours: number, reason: string): Promise<void>;
}

type Author = NonNullable<Awaited<ReturnType<typeof authorFacts>>>;

function heldReasonOf(verdict: AutomodVerdict, scores: PostScores): HeldReason {
  const reason = verdict.reason;
  const match = verdict.matches.find((m) => m.ruleId === reason?.ruleId);
  const builtIn = reason?.ruleId === 0;
  return {
    source: builtIn ? 'classifier' : 'automod',
    ruleId: reason?.ruleId ?? null,
    rule: reason?.name ?? null,
    message:
      reason?.message ??
      (builtIn
        ? `Our spam filter thinks this post may be spam (score ${(scores.spam.spam ?? 0).toFixed(2)}). A moderator will look at it soon; until then only you can see it.`
        : 'This post matched one of the community\'s moderation rules. A moderator will look at it soon; until then only you can see it.'),
    guideline: reason?.guideline ?? null,
    evidence: match?.evidence ?? [],
  };
}

/** Refuses posts from silenced members, to or about members in a cool-down, and too soon in slow mode. */
async function requireMayPost(ctx: AppContext, author: Author, draft: PostDraft, recent: { created_at: Date; topic_id: number }[]): Promise<void> {
  const db = ctx.database.db;
  if (author.silenced_until !== null && author.silenced_until.getTime() > draft.at.getTime()) {
    throw new AppError('account_silenced', `You are silenced until ${author.silenced_until.toISOString()}; you can read but not post`);
  }
  if (draft.topicId !== null) {
    const topic = await topicModeration(db, draft.topicId);
    const seconds = topic?.slow_mode_seconds ?? 0;
    const last = recent.find((p) => p.topic_id === draft.topicId);
    if (seconds > 0 && last && draft.at.getTime() - last.created_at.getTime() < seconds * 1000) {
      const wait = Math.ceil((seconds * 1000 - (draft.at.getTime() - last.created_at.getTime())) / 1000);
      throw new AppError('slow_mode', `This topic is in slow mode: one post every ${seconds} s; try again in ${wait} s`, { headers: { 'retry-after': String(wait) } });
    }
  }
  const others = new Set((await accountsByUsernames(db, extractMentions(draft.markdown))).map((a) => a.member_id));
  if (draft.replyToPostId) {
    const replied = await postAuthor(db, draft.replyToPostId);
    if (replied !== undefined) others.add(replied);
  }
  others.delete(author.id);
  const cooled = await cooledDownWith(db, author.id, [...others], draft.at);
  if (cooled.length > 0) throw new AppError('cooldown_active', 'A moderator set a cool-down between you and a member this post replies to or mentions; it has not ended yet');
}

export function createModerationGate(ctx: AppContext, deps: GateDeps): PostGate {
  const db = ctx.database.db;

  return {
    async check(draft): Promise<GateVerdict> {
      const author = await authorFacts(db, draft.authorId);
      if (!author) throw new AppError('unauthorized', 'Sign in again');
      if (author.role !== 'member') return staffVerdict;
      const recent = await recentPosts(db, draft.authorId, new Date(draft.at.getTime() - DAY_MS));
      await requireMayPost(ctx, author, draft, recent);
      const site = await deps.settings.get();
      await checkPostingLimits(db, { authorId: author.id, trustLevel: author.trust_level, kind: draft.kind, html: draft.html, at: draft.at }, site.trustLevelLimits);
      const text = draft.title === null ? draft.markdown : `${draft.title}\n\n${draft.markdown}`;
      const scores = deps.scorer.score(text);
      // Only the facts some enabled rule reads: hashing the author's last day of posts is not free.
      const { set, needs } = await deps.rules.current();
      const facts: PostFacts = {
        text,
        links: needs.links ? linkHosts(draft.markdown) : [],
        mentions: needs.mentions ? mentionCount(draft.markdown) : 0,
        spaceId: draft.spaceId,
        author: { trustLevel: author.trust_level, accountAgeHours: (draft.at.getTime() - author.joined_at.getTime()) / 3_600_000, postCount: Number(author.post_count ?? 0) },
        recentPostTimes: recent.map((p) => p.created_at.getTime()),
        recentTextHashes: needs.hashes ? recent.map((p) => ({ hash: textHash(p.body), at: p.created_at.getTime() })) : [],
        at: draft.at.getTime(),
        scores: { spam: scores.spam, abuse: scores.abuse },
      };
      const verdict = evaluate(set, facts);
      const hitIds = verdict.matches.map((m) => m.ruleId).filter((id) => id > 0);
      if (verdict.decision === 'reject') {
        await bumpRuleHits(db, hitIds, draft.at);
        const reason = verdict.reason;
        throw new AppError('post_rejected', reason?.message ?? `This post was refused by the moderation rule "${reason?.name ?? 'automod'}"`, { field: 'body' });
      }
      let held: HeldReason | null = verdict.decision === 'hold' ? heldReasonOf(verdict, scores) : null;
      const firstPost = held === null && site.reviewFirstPosts && Number(author.post_count ?? 0) === 0;
      if (firstPost) {
        held = { source: 'first_post', ruleId: null, rule: null, message: 'Welcome! A moderator reviews new members\' first posts; until then only you can see it.', guideline: null, evidence: [] };
      }
      let reviewItem: { id: number; kind: 'first_post' | 'held_post' | 'flagged_post' } | null = null;
      return {
        held,
        tags: draft.kind === 'topic' ? [...verdict.tags] : [],
        async record(trx, { postId }) {
          await insertScores(trx, postId, { spam: scores.spam.spam ?? 0, hate: scores.abuse.hate ?? 0, offensive: scores.abuse.offensive ?? 0, spamVersion: scores.spamVersion, abuseVersion: scores.abuseVersion });
          await bumpRuleHits(trx, hitIds, draft.at);
          if (held) {
            const reason = { ...held, scores: { spam: scores.spam.spam ?? 0, hate: scores.abuse.hate ?? 0, offensive: scores.abuse.offensive ?? 0 }, versions: { spam: scores.spamVersion, abuse: scores.abuseVersion } };
            const kind = firstPost ? 'first_post' : 'held_post';
            reviewItem = { id: await upsertReviewItem(trx, { kind, postId, memberId: author.id, spaceId: draft.spaceId, reason, score: scores.spam.spam ?? 0 }), kind };
          } else if (verdict.flag) {
            const rule = verdict.matches.find((m) => m.actions.some((a) => a.type === 'flag'));
            const reason = { source: 'automod', ruleId: rule?.ruleId ?? null, rule: rule?.name ?? null, evidence: rule?.evidence ?? [], message: rule?.message ?? 'Flagged by automod' };
            reviewItem = { id: await upsertReviewItem(trx, { kind: 'flagged_post', postId, memberId: author.id, spaceId: draft.spaceId, reason, score: 1 }), kind: 'flagged_post' };
          }
        },
        async afterCommit({ postId, topicId }) {
          if (reviewItem !== null) await ctx.bus.emit('review.changed', { itemId: reviewItem.id, kind: reviewItem.kind, spaceId: draft.spaceId, change: 'added' });
          if (held) await deps.notices.send([heldNotice(author.id, held, topicId, postId)]);
          if (verdict.notifyModerators) await deps.notices.toModerators(`Automod: ${verdict.matches.map((m) => m.name).join(', ')}`, `A post by @${author.username} matched automod rules`, '/moderation/queue');
          if (verdict.silenceHours !== null) await deps.silence(author.id, verdict.silenceHours, `Automod rule: ${verdict.matches.map((m) => m.name).join(', ')}`);
        },
      };
    },
  };
}

const staffVerdict: GateVerdict = { held: null, tags: [], record: async () => undefined, afterCommit: async () => undefined };
