// Helpers for fair held-out evaluation: seeded shuffles, stratified splits and trivial baselines.
import type { TrainingExample } from './types';

/** A small deterministic PRNG (mulberry32) giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Splits each label's examples `trainFraction` / rest, so both parts keep the label mix. */
export function stratifiedSplit(examples: readonly TrainingExample[], trainFraction: number, seed: number): { train: TrainingExample[]; test: TrainingExample[] } {
  const random = seededRandom(seed);
  const byLabel = new Map<string, TrainingExample[]>();
  for (const example of examples) {
    const group = byLabel.get(example.label);
    if (group) group.push(example);
    else byLabel.set(example.label, [example]);
  }
  const train: TrainingExample[] = [];
  const test: TrainingExample[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffled(byLabel.get(label) ?? [], random);
    const cut = Math.round(group.length * trainFraction);
    train.push(...group.slice(0, cut));
    test.push(...group.slice(cut));
  }
  return { train, test };
}

function labelShares(train: readonly TrainingExample[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const example of train) counts.set(example.label, (counts.get(example.label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, n]) => [label, n / train.length]);
}

/** Always the most common training label. */
export function majorityBaseline(train: readonly TrainingExample[], count: number): string[] {
  const [top] = labelShares(train);
  return new Array<string>(count).fill(top?.[0] ?? '');
}

/** Random labels drawn with the training label shares (fixed seed). */
export function stratifiedRandomBaseline(train: readonly TrainingExample[], count: number, seed: number): string[] {
  const shares = labelShares(train);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let draw = random();
    for (const [label, share] of shares) {
      draw -= share;
      if (draw < 0) return label;
    }
    return shares.at(-1)?.[0] ?? '';
  });
}
