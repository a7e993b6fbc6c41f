// The public shapes of the moderation text classifiers.
import type { FeatureSettings } from './text-features';

export type ModelKind = 'spam' | 'abuse';

export const modelKinds: readonly ModelKind[] = ['spam', 'abuse'];

/** Each kind's labels, in the order the model stores them. */
export const modelLabels: Record<ModelKind, readonly string[]> = {
  spam: ['ham', 'spam'],
  abuse: ['hate', 'offensive', 'neither'],
};

export interface Classification {
  label: string;
  /** Probability of `label`. */
  score: number;
  /** Every label's probability; they sum to 1. */
  scores: Record<string, number>;
  version: string;
}

export interface Classifier {
  kind: ModelKind;
  version: string;
  classify(text: string): Classification;
}

export interface TrainingExample {
  text: string;
  label: string;
  /** How much this example counts (default 1): a moderator's decision may count more than a sample. */
  weight?: number;
}

/** A trained model as plain JSON: numbers are packed little-endian and base64-encoded to stay small. */
export interface SerializedModel {
  format: 'hearth-text-classifier';
  formatVersion: 1;
  kind: ModelKind;
  version: string;
  labels: string[];
  features: FeatureSettings;
  /** Examples per label the model was trained on. */
  trainedOn: Record<string, number>;
  /** The first `wordFeatures` hashes are word n-grams, the rest character n-grams. */
  wordFeatures: number;
  /** int32 feature hashes. */
  hashes: string;
  /** uint8 idf × 16 per feature. */
  idf: string;
  /** int16 weights, feature-major (features × labels); multiply by weightScale. */
  weights: string;
  weightScale: number;
  bias: number[];
}
