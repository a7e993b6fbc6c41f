// Dry run: what a rule (set) would have done to recent posts, before it is switched on.
import { evaluate, type AutomodVerdict, type CompiledRuleSet } from './automod.rules';
import type { PostFacts } from './post-facts.rules';

export interface DryRunSample {
  postId: number;
  decision: AutomodVerdict['decision'];
  evidence: string[];
}

export interface DryRunReport {
  scanned: number;
  /** Posts at least one rule matched. */
  matched: number;
  share: number;
  /** Set when share > warnShare, e.g. 'this rule would hold 12% of recent posts'. */
  warning?: string;
  /** The first 50 matched posts. */
  samples: DryRunSample[];
}

export interface DryRunOptions {
  /** Warn when more than this share of posts would match (e.g. 0.05). */
  warnShare: number;
}

export interface DryRun {
  add(postId: number, facts: PostFacts): void;
  report(): DryRunReport;
}

const SAMPLES = 50;

/** An accumulator, for posts that arrive in batches (e.g. streamed from the database). */
export function startDryRun(set: CompiledRuleSet, options: DryRunOptions): DryRun {
  let scanned = 0;
  let matched = 0;
  let held = 0;
  let rejected = 0;
  const samples: DryRunSample[] = [];
  return {
    add(postId: number, facts: PostFacts): void {
      scanned++;
      const verdict = evaluate(set, facts);
      if (verdict.matches.length === 0) return;
      matched++;
      if (verdict.decision === 'hold') held++;
      else if (verdict.decision === 'reject') rejected++;
      if (samples.length < SAMPLES) samples.push({ postId, decision: verdict.decision, evidence: verdict.matches.flatMap((m) => m.evidence) });
    },
    report(): DryRunReport {
      const share = scanned === 0 ? 0 : matched / scanned;
      const report: DryRunReport = { scanned, matched, share, samples };
      if (share > options.warnShare) {
        const subject = set.rules.length === 1 ? 'this rule' : 'these rules';
        const verb = held && rejected ? 'hold or reject' : rejected ? 'reject' : held ? 'hold' : 'match';
        report.warning = `${subject} would ${verb} ${percent(share)} of recent posts`;
      }
      return report;
    },
  };
}

function percent(share: number): string {
  const value = share * 100;
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10}%`;
}

/** Evaluates the set on each post and reports how many it would match, with samples and a warning. */
export function dryRun(set: CompiledRuleSet, posts: Iterable<{ postId: number; facts: PostFacts }>, options: DryRunOptions): DryRunReport {
  const run = startDryRun(set, options);
  for (const { postId, facts } of posts) run.add(postId, facts);
  return run.report();
}
