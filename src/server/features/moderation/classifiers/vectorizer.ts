// Hashed features → a sparse vector over the model's vocabulary: sublinear term frequency × idf,
// L2-normalized separately for word and character features so neither group drowns the other.
// Built for speed: a compact key table that stays in cache, and one row per feature holding its
// per-text count, idf and weights, so a known feature costs about one memory access.
import { sharedFeatures, type FeatureSettings } from './text-features';

export interface Vocabulary {
  /** Feature hashes; indices below `wordFeatures` are word n-grams, the rest character n-grams. */
  hashes: Int32Array;
  wordFeatures: number;
  idf: Float32Array;
}

/** One text's vector. Its arrays are reused by the next call: copy what you keep. */
export interface SparseVector {
  size: number;
  /** Vocabulary indices. */
  indices: Int32Array;
  values: Float64Array;
  /** Where each feature's row starts in `Vectorizer.rows` (its weights follow at WEIGHTS_AT). */
  rows: Int32Array;
}

// A row: [stamp of the last text, count in it, vocabulary index, unused | idf, weight 0, 1, 2].
const ROW = 8;
const IDF_AT = 4;
export const WEIGHTS_AT = 5;
export const MAX_CLASSES = ROW - WEIGHTS_AT;

export class Vectorizer {
  private readonly keys: Int32Array;
  private readonly mask: number;
  private readonly ints: Int32Array;
  /** Rows as floats: idf at +4, weights from +5. */
  readonly rows: Float32Array;
  private stamp = 0;
  readonly vector: SparseVector = { size: 0, indices: new Int32Array(1024), values: new Float64Array(1024), rows: new Int32Array(1024) };

  /** `weights` (features × classes, feature-major) are stored beside each feature for scoring. */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly settings: FeatureSettings,
    weights?: { values: Float64Array; classes: number },
  ) {
    if (weights && weights.classes > MAX_CLASSES) throw new Error(`At most ${MAX_CLASSES} classes`);
    let capacity = 16;
    while (capacity < vocabulary.hashes.length * 1.5) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    const buffer = new ArrayBuffer(capacity * ROW * 4);
    this.ints = new Int32Array(buffer);
    this.rows = new Float32Array(buffer);
    vocabulary.hashes.forEach((hash, index) => {
      const key = hash === 0 ? 1 : hash; // 0 marks an empty slot
      let slot = key & this.mask;
      while (this.keys[slot] !== 0) {
        if (this.keys[slot] === key) return; // a duplicate hash keeps its first index
        slot = (slot + 1) & this.mask;
      }
      this.keys[slot] = key;
      const row = slot * ROW;
      this.ints[row + 2] = index;
      this.rows[row + IDF_AT] = vocabulary.idf[index] as number;
      for (let k = 0; weights && k < weights.classes; k++) this.rows[row + WEIGHTS_AT + k] = weights.values[index * weights.classes + k] as number;
    });
  }

  vectorize(text: string): SparseVector {
    const features = sharedFeatures(text, this.settings);
    return this.fromFeatures(features.hashes, features.length);
  }

  /** Counts the known features among `hashes[0..length)` and weighs them. */
  fromFeatures(hashes: Int32Array, length: number): SparseVector {
    const { keys, mask, ints } = this;
    const vector = this.vector;
    if (vector.rows.length < length) {
      vector.indices = new Int32Array(length * 2);
      vector.values = new Float64Array(length * 2);
      vector.rows = new Int32Array(length * 2);
    }
    const found = vector.rows;
    if (++this.stamp === 0x3fffffff) this.resetStamps();
    const stamp = this.stamp;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const hash = hashes[i] as number;
      const key = hash === 0 ? 1 : hash;
      let slot = key & mask;
      let stored = keys[slot] as number;
      while (stored !== key && stored !== 0) {
        slot = (slot + 1) & mask;
        stored = keys[slot] as number;
      }
      if (stored === 0) continue;
      const row = slot * ROW;
      if (ints[row] === stamp) ints[row + 1] = (ints[row + 1] as number) + 1;
      else {
        ints[row] = stamp;
        ints[row + 1] = 1;
        found[size++] = row;
      }
    }
    return this.weigh(size);
  }

  private weigh(size: number): SparseVector {
    const { ints, rows } = this;
    const wordFeatures = this.vocabulary.wordFeatures;
    const vector = this.vector;
    const { indices, values } = vector;
    let wordNorm = 0;
    let charNorm = 0;
    for (let i = 0; i < size; i++) {
      const row = vector.rows[i] as number;
      const index = ints[row + 2] as number;
      const count = ints[row + 1] as number;
      const value = (count === 1 ? 1 : 1 + Math.log(count)) * (rows[row + IDF_AT] as number);
      indices[i] = index;
      values[i] = value;
      if (index < wordFeatures) wordNorm += value * value;
      else charNorm += value * value;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? 1 / Math.sqrt(charNorm) : 0;
    for (let i = 0; i < size; i++) values[i] = (values[i] as number) * ((indices[i] as number) < wordFeatures ? wordScale : charScale);
    vector.size = size;
    return vector;
  }

  private resetStamps(): void {
    for (let row = 0; row < this.ints.length; row += ROW) this.ints[row] = 0;
    this.stamp = 1;
  }
}
