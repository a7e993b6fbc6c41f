// Trains a model from labelled texts: picks a vocabulary by document frequency, vectorizes, optionally
// scales features Naive-Bayes style, and fits softmax regression. Deterministic: the same examples
// and options give the same model, byte for byte.
import { stratifiedSplit } from './evaluation';
import { trainSoftmax, type SparseRows } from './logistic';
import { computeMetrics } from './metrics';
import { IDF_STEPS, classifierFromModel, serializeModel } from './model';
import { nbFeatureScales, scaleRows, unscaleWeights } from './nb-scaling';
import { FeatureBuffer, defaultFeatureSettings, extractFeatures, type FeatureSettings } from './text-features';
import type { Classifier, ModelKind, SerializedModel, TrainingExample } from './types';
import { modelLabels } from './types';
import { Vectorizer, type Vocabulary } from './vectorizer';

export interface TrainingOptions {
  /** Goes into the version string: `<kind>-<tag>-<hash8>` (default "trained"). */
  tag?: string;
  /** Inverse regularization strength (larger = closer fit). */
  c?: number;
  /** Naive Bayes feature scaling with this smoothing; 0 turns it off. */
  nbSmoothing?: number;
  /** A feature must occur in at least this many examples. */
  minDocumentFrequency?: number;
  maxWordFeatures?: number;
  maxCharFeatures?: number;
  features?: FeatureSettings;
  maxIterations?: number;
  /**
   * Decision-rule tuning: hold out this fraction of the examples (stratified, fixed seed), fit a model on
   * the rest, and choose per-label offsets to the bias that maximise the kind's score on the held-out
   * part (spam: F1 of "spam"; abuse: support-weighted F1); the final model, fitted on everything, gets
   * those offsets. 0 turns it off; so does a held-out part with fewer than 5 examples of some label.
   */
  biasValidation?: number;
}

export type TrainingSettings = Required<TrainingOptions>;

/** Chosen on held-out data (see scripts/eval-classifiers.ts). */
export const trainingDefaults: Record<ModelKind, TrainingSettings> = {
  spam: { tag: 'trained', c: 30, nbSmoothing: 0, minDocumentFrequency: 2, maxWordFeatures: 4000, maxCharFeatures: 12000, features: defaultFeatureSettings, maxIterations: 300, biasValidation: 0.2 },
  abuse: { tag: 'trained', c: 2, nbSmoothing: 1, minDocumentFrequency: 3, maxWordFeatures: 8000, maxCharFeatures: 25000, features: defaultFeatureSettings, maxIterations: 300, biasValidation: 0.2 },
};

interface Extracted {
  /** Every example's feature hashes, concatenated: example i is [starts[i], starts[i + 1]). */
  hashes: Int32Array;
  starts: Int32Array;
  /** Where example i's character n-grams begin. */
  charStarts: Int32Array;
}

function extractAll(texts: string[], features: FeatureSettings): Extracted {
  const buffer = new FeatureBuffer();
  const parts: Int32Array[] = [];
  const starts = new Int32Array(texts.length + 1);
  const charStarts = new Int32Array(texts.length);
  texts.forEach((text, i) => {
    extractFeatures(text, features, buffer);
    parts.push(buffer.hashes.slice(0, buffer.length));
    charStarts[i] = (starts[i] as number) + buffer.words;
    starts[i + 1] = (starts[i] as number) + buffer.length;
  });
  const hashes = new Int32Array(starts[texts.length] as number);
  parts.forEach((part, i) => hashes.set(part, starts[i]));
  return { hashes, starts, charStarts };
}

/** Document frequencies, most frequent first (ties by hash), keeping those seen often enough. */
function frequentFeatures(extracted: Extracted, chars: boolean, minimum: number, limit: number): [number, number][] {
  const unique: number[] = [];
  for (let i = 0; i + 1 < extracted.starts.length; i++) {
    const from = chars ? (extracted.charStarts[i] as number) : (extracted.starts[i] as number);
    const to = chars ? (extracted.starts[i + 1] as number) : (extracted.charStarts[i] as number);
    const sorted = extracted.hashes.slice(from, to).sort();
    sorted.forEach((hash, p) => {
      if (p === 0 || sorted[p - 1] !== hash) unique.push(hash);
    });
  }
  const all = Int32Array.from(unique).sort();
  const counted: [number, number][] = [];
  for (let p = 0; p < all.length; ) {
    let end = p + 1;
    while (end < all.length && all[end] === all[p]) end++;
    if (end - p >= minimum) counted.push([all[p] as number, end - p]);
    p = end;
  }
  return counted.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
}

function chooseVocabulary(extracted: Extracted, settings: TrainingSettings): Vocabulary {
  const words = frequentFeatures(extracted, false, settings.minDocumentFrequency, settings.maxWordFeatures);
  const chosen = [...words, ...frequentFeatures(extracted, true, settings.minDocumentFrequency, settings.maxCharFeatures)];
  const documents = extracted.starts.length - 1;
  // idf is rounded to what the model file stores, so training sees exactly what classifying will.
  const idf = (df: number): number => Math.min(255, Math.round((Math.log((1 + documents) / (1 + df)) + 1) * IDF_STEPS)) / IDF_STEPS;
  return { hashes: Int32Array.from(chosen, ([hash]) => hash), wordFeatures: words.length, idf: Float32Array.from(chosen, ([, df]) => idf(df)) };
}

function toRows(extracted: Extracted, vectorizer: Vectorizer): SparseRows {
  const count = extracted.starts.length - 1;
  const offsets = new Int32Array(count + 1);
  let indices = new Int32Array(extracted.hashes.length);
  let values = new Float32Array(extracted.hashes.length);
  for (let i = 0; i < count; i++) {
    const from = extracted.starts[i] as number;
    const vector = vectorizer.fromFeatures(extracted.hashes.subarray(from, extracted.starts[i + 1]), (extracted.starts[i + 1] as number) - from);
    const at = offsets[i] as number;
    for (let p = 0; p < vector.size; p++) {
      indices[at + p] = vectorizer.indexAt(vector.slots[p] as number);
      values[at + p] = vector.values[p] as number;
    }
    offsets[i + 1] = at + vector.size;
  }
  indices = indices.slice(0, offsets[count]);
  values = values.slice(0, offsets[count]);
  return { offsets, indices, values };
}

const BIAS_SEED = 7;
const OFFSET_RANGE = 2;
const OFFSET_STEP = 0.1;
const OFFSET_TOLERANCE = 0.002;

/** The score the decision rule is tuned for. */
function tuningScore(kind: ModelKind, labels: readonly string[], truth: string[], predicted: string[]): number {
  const metrics = computeMetrics(labels, truth, predicted);
  return kind === 'spam' ? (metrics.classes.find((c) => c.label === 'spam')?.f1 ?? 0) : metrics.weightedF1;
}

/**
 * Offsets to add to the bias, chosen on held-out examples by a grid search: the most common held-out
 * label stays at 0, the others move in steps of 0.1 within ±2. Of the offsets scoring within 0.002 of the
 * best, the smallest total shift wins.
 */
function tuneBiasOffsets(kind: ModelKind, labels: string[], examples: TrainingExample[], options: TrainingOptions, fraction: number): Float64Array {
  const offsets = new Float64Array(labels.length);
  const { train, test } = stratifiedSplit(examples, 1 - fraction, BIAS_SEED);
  const counts = labels.map((label) => test.filter((example) => example.label === label).length);
  if (counts.some((n) => n < 5) || labels.some((label) => !train.some((example) => example.label === label))) return offsets;
  const held = classifierFromModel(trainClassifier(kind, train, { ...options, biasValidation: 0 }));
  const logits = test.map((example) => {
    const { scores } = held.classify(example.text);
    return labels.map((label) => Math.log(Math.max(scores[label] ?? 0, 1e-12)));
  });
  const truth = test.map((example) => example.label);
  const reference = counts.indexOf(Math.max(...counts));
  const free = labels.map((_, k) => k).filter((k) => k !== reference);
  const steps = Math.round(OFFSET_RANGE / OFFSET_STEP);
  const trial = new Float64Array(labels.length);
  const predict = (): string[] =>
    logits.map((z) => {
      let top = 0;
      for (let k = 1; k < labels.length; k++) if ((z[k] as number) + (trial[k] as number) > (z[top] as number) + (trial[top] as number)) top = k;
      return labels[top] as string;
    });
  // Every grid point's score, then the smallest total shift scoring within OFFSET_TOLERANCE of the best:
  // the validation part is small, so a bigger shift must earn its place by more than noise.
  const scored: { offsets: Float64Array; score: number; shift: number }[] = [];
  const search = (depth: number): void => {
    if (depth === free.length) {
      scored.push({ offsets: trial.slice(), score: tuningScore(kind, labels, truth, predict()), shift: trial.reduce((sum, t) => sum + Math.abs(t), 0) });
      return;
    }
    for (let step = -steps; step <= steps; step++) {
      trial[free[depth] as number] = step * OFFSET_STEP;
      search(depth + 1);
    }
    trial[free[depth] as number] = 0;
  };
  search(0);
  const top = Math.max(...scored.map((point) => point.score));
  let chosen: { offsets: Float64Array; shift: number } = { offsets, shift: Infinity };
  for (const point of scored) if (point.score >= top - OFFSET_TOLERANCE && point.shift < chosen.shift - 1e-9) chosen = point;
  return chosen.offsets;
}

export function trainClassifier(kind: ModelKind, examples: TrainingExample[], options: TrainingOptions = {}): SerializedModel {
  const settings: TrainingSettings = { ...trainingDefaults[kind], ...options };
  const labels = [...modelLabels[kind]];
  const usable = examples.filter((example) => (example.weight ?? 1) > 0);
  if (usable.length === 0) throw new Error(`No examples to train the ${kind} model on`);
  const labelIndices = Int32Array.from(usable, (example) => {
    const index = labels.indexOf(example.label);
    if (index < 0) throw new Error(`Unknown ${kind} label "${example.label}" (expected ${labels.join(', ')})`);
    return index;
  });
  const weights = Float64Array.from(usable, (example) => example.weight ?? 1);

  const extracted = extractAll(usable.map((example) => example.text), settings.features);
  const vocabulary = chooseVocabulary(extracted, settings);
  const rows = toRows(extracted, new Vectorizer(vocabulary, settings.features));
  const features = vocabulary.hashes.length;
  const scales = settings.nbSmoothing > 0 ? nbFeatureScales(rows, labelIndices, weights, features, labels.length, settings.nbSmoothing) : undefined;
  if (scales) scaleRows(rows, scales);
  const fitted = trainSoftmax({ rows, labels: labelIndices, weights, features, classes: labels.length }, { c: settings.c, maxIterations: settings.maxIterations, tolerance: 1e-6 });
  if (scales) unscaleWeights(fitted.weights, scales, labels.length);
  if (settings.biasValidation > 0) {
    const offsets = tuneBiasOffsets(kind, labels, usable, options, settings.biasValidation);
    offsets.forEach((offset, k) => (fitted.bias[k] = (fitted.bias[k] as number) + offset));
  }

  const trainedOn = Object.fromEntries(labels.map((label, k) => [label, labelIndices.filter((index) => index === k).length]));
  return serializeModel({ kind, labels, features: settings.features, trainedOn, vocabulary, ...fitted }, settings.tag);
}

/** Trains and loads in one step (for evaluation). */
export function trainAndLoad(kind: ModelKind, examples: TrainingExample[], options: TrainingOptions = {}): Classifier {
  return classifierFromModel(trainClassifier(kind, examples, options));
}
