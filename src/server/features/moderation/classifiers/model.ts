// SerializedModel ⇄ arrays, and the Classifier that scores a text with them.
import { createHash } from 'node:crypto';
import type { FeatureSettings } from './text-features';
import type { Classification, Classifier, ModelKind, SerializedModel } from './types';
import { modelKinds, modelLabels } from './types';
import { ROW, Vectorizer, type Vocabulary } from './vectorizer';

export const IDF_STEPS = 16;

export interface ModelArrays {
  kind: ModelKind;
  labels: string[];
  features: FeatureSettings;
  trainedOn: Record<string, number>;
  vocabulary: Vocabulary;
  /** features × labels, feature-major. */
  weights: Float64Array;
  bias: Float64Array;
}

function packInt32(values: Int32Array): string {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => buffer.writeInt32LE(value, i * 4));
  return buffer.toString('base64');
}

function unpackInt32(text: string): Int32Array {
  const buffer = Buffer.from(text, 'base64');
  const values = new Int32Array(buffer.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = buffer.readInt32LE(i * 4);
  return values;
}

function packWeights(weights: Float64Array): { weights: string; weightScale: number } {
  const max = weights.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
  const weightScale = max > 0 ? max / 32767 : 1;
  const buffer = Buffer.alloc(weights.length * 2);
  weights.forEach((w, i) => buffer.writeInt16LE(Math.round(w / weightScale), i * 2));
  return { weights: buffer.toString('base64'), weightScale };
}

function unpackWeights(text: string, scale: number): Float64Array {
  const buffer = Buffer.from(text, 'base64');
  const weights = new Float64Array(buffer.length / 2);
  for (let i = 0; i < weights.length; i++) weights[i] = buffer.readInt16LE(i * 2) * scale;
  return weights;
}

/** Packs trained arrays; the version ends with a hash of the model's content. */
export function serializeModel(arrays: ModelArrays, tag: string): SerializedModel {
  const { weights, weightScale } = packWeights(arrays.weights);
  const body = {
    format: 'hearth-text-classifier' as const,
    formatVersion: 1 as const,
    kind: arrays.kind,
    version: '',
    labels: arrays.labels,
    features: arrays.features,
    trainedOn: arrays.trainedOn,
    wordFeatures: arrays.vocabulary.wordFeatures,
    hashes: packInt32(arrays.vocabulary.hashes),
    idf: Buffer.from(Uint8Array.from(arrays.vocabulary.idf, (v) => Math.min(255, Math.round(v * IDF_STEPS)))).toString('base64'),
    weights,
    weightScale,
    bias: Array.from(arrays.bias, (b) => Number(b.toPrecision(8))),
  };
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 8);
  return { ...body, version: `${arrays.kind}-${tag}-${digest}` };
}

function checkModel(model: SerializedModel): void {
  if (model.format !== 'hearth-text-classifier' || model.formatVersion !== 1) throw new Error('Not a Hearth text classifier model (format 1)');
  if (!modelKinds.includes(model.kind)) throw new Error(`Unknown model kind ${String(model.kind)}`);
  if (model.labels.join() !== modelLabels[model.kind].join()) throw new Error(`A ${model.kind} model must have the labels ${modelLabels[model.kind].join(', ')}`);
  const { wordNgrams, charMin, charMax } = model.features;
  if (![1, 2].includes(wordNgrams) || !(charMin >= 1 && charMax >= charMin && charMax <= 8)) throw new Error('The model\'s feature settings are out of range');
}

export function classifierFromModel(model: SerializedModel): Classifier {
  checkModel(model);
  const hashes = unpackInt32(model.hashes);
  const idf = Float32Array.from(Buffer.from(model.idf, 'base64'), (v) => v / IDF_STEPS);
  const weights = unpackWeights(model.weights, model.weightScale);
  const classes = model.labels.length;
  if (idf.length !== hashes.length || weights.length !== hashes.length * classes) throw new Error('The model\'s arrays do not match in length');
  const vectorizer = new Vectorizer({ hashes, wordFeatures: model.wordFeatures, idf }, model.features, { values: weights, classes });
  return scoringClassifier(model.kind, model.version, model.labels, vectorizer, Float64Array.from(model.bias));
}

/** Softmax over bias + weights·vector; the weights sit in the vectorizer's rows. */
function scoringClassifier(kind: ModelKind, version: string, labels: string[], vectorizer: Vectorizer, bias: Float64Array): Classifier {
  const classes = labels.length;
  const z = new Float64Array(classes);
  const rows = vectorizer.rows;
  return {
    kind,
    version,
    classify(text: string): Classification {
      const vector = vectorizer.vectorize(text);
      z.set(bias);
      for (let i = 0; i < vector.size; i++) {
        const at = (vector.slots[i] as number) * ROW + 1;
        const value = vector.values[i] as number;
        for (let k = 0; k < classes; k++) z[k] = (z[k] as number) + value * (rows[at + k] as number);
      }
      let max = -Infinity;
      for (let k = 0; k < classes; k++) max = Math.max(max, z[k] as number);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp((z[k] as number) - max);
      const scores: Record<string, number> = {};
      let best = 0;
      for (let k = 0; k < classes; k++) {
        scores[labels[k] as string] = Math.exp((z[k] as number) - max) / sum;
        if ((z[k] as number) > (z[best] as number)) best = k;
      }
      const label = labels[best] as string;
      return { label, score: scores[label] as number, scores, version };
    },
  };
}
