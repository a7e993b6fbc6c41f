// Hashed features → a sparse vector over the model's vocabulary: sublinear term frequency × idf,
// L2-normalized separately for word and character features so neither group drowns the other.
// Built for speed: probing touches one compact table (hash + this text's count side by side), and
// each distinct known feature then reads one small row holding its idf and weights.
import { sharedFeatures, type FeatureSettings } from './text-features';

export interface Vocabulary {
  /** Feature hashes; indices below `wordFeatures` are word n-grams, the rest character n-grams. */
  hashes: Int32Array;
  wordFeatures: number;
  idf: Float32Array;
}

/** One text's vector, by table slot. Its arrays are reused by the next call: copy what you keep. */
export interface SparseVector {
  size: number;
  slots: Int32Array;
  values: Float64Array;
}

/** A row per slot: [idf (negative for a character n-gram), weight 0, 1, 2]. */
export const ROW = 4;
export const MAX_CLASSES = ROW - 1;
const COUNT_BITS = 8;
const COUNT_MASK = (1 << COUNT_BITS) - 1;
const MAX_STAMP = (1 << (31 - COUNT_BITS)) - 1;

export class Vectorizer {
  /** Per slot: [hash (0 = empty), stamp of the last text << 8 | count in it]. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly featureIndex: Int32Array;
  readonly rows: Float32Array;
  private stamp = 0;
  readonly vector: SparseVector = { size: 0, slots: new Int32Array(1024), values: new Float64Array(1024) };

  /** `weights` (features × classes, feature-major) are stored in the rows for scoring. */
  constructor(
    vocabulary: Vocabulary,
    private readonly settings: FeatureSettings,
    weights?: { values: Float64Array; classes: number },
  ) {
    if (weights && weights.classes > MAX_CLASSES) throw new Error(`At most ${MAX_CLASSES} classes`);
    let capacity = 16;
    while (capacity < vocabulary.hashes.length * 1.5) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * 2);
    this.featureIndex = new Int32Array(capacity);
    this.rows = new Float32Array(capacity * ROW);
    vocabulary.hashes.forEach((hash, index) => {
      const key = hash === 0 ? 1 : hash; // 0 marks an empty slot
      let slot = key & this.mask;
      while (this.table[slot * 2] !== 0) {
        if (this.table[slot * 2] === key) return; // a duplicate hash keeps its first index
        slot = (slot + 1) & this.mask;
      }
      this.table[slot * 2] = key;
      this.featureIndex[slot] = index;
      const idf = vocabulary.idf[index] as number;
      this.rows[slot * ROW] = index < vocabulary.wordFeatures ? idf : -idf;
      for (let k = 0; weights && k < weights.classes; k++) this.rows[slot * ROW + 1 + k] = weights.values[index * weights.classes + k] as number;
    });
  }

  /** The vocabulary index of the feature in a slot. */
  indexAt(slot: number): number {
    return this.featureIndex[slot] as number;
  }

  vectorize(text: string): SparseVector {
    const features = sharedFeatures(text, this.settings);
    return this.fromFeatures(features.hashes, features.length);
  }

  /** Counts the known features among `hashes[0..length)` and weighs them. */
  fromFeatures(hashes: Int32Array, length: number): SparseVector {
    const { table, mask } = this;
    const vector = this.vector;
    if (vector.slots.length < length) {
      vector.slots = new Int32Array(length * 2);
      vector.values = new Float64Array(length * 2);
    }
    const found = vector.slots;
    if (++this.stamp === MAX_STAMP) this.resetStamps();
    const stamped = this.stamp << COUNT_BITS;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const hash = hashes[i] as number;
      const key = hash === 0 ? 1 : hash;
      let slot = key & mask;
      let stored = table[slot * 2] as number;
      while (stored !== key && stored !== 0) {
        slot = (slot + 1) & mask;
        stored = table[slot * 2] as number;
      }
      if (stored === 0) continue;
      const mark = table[slot * 2 + 1] as number;
      if ((mark & ~COUNT_MASK) !== stamped) {
        table[slot * 2 + 1] = stamped | 1;
        found[size++] = slot;
      } else if ((mark & COUNT_MASK) !== COUNT_MASK) table[slot * 2 + 1] = mark + 1;
    }
    return this.weigh(size);
  }

  private weigh(size: number): SparseVector {
    const { table, rows } = this;
    const vector = this.vector;
    const { slots, values } = vector;
    let wordNorm = 0;
    let charNorm = 0;
    for (let i = 0; i < size; i++) {
      const slot = slots[i] as number;
      const count = (table[slot * 2 + 1] as number) & COUNT_MASK;
      const idf = rows[slot * ROW] as number;
      const value = count === 1 ? idf : (1 + Math.log(count)) * idf;
      values[i] = value;
      if (idf > 0) wordNorm += value * value;
      else charNorm += value * value;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? -1 / Math.sqrt(charNorm) : 0; // character rows carry -idf
    for (let i = 0; i < size; i++) {
      const value = values[i] as number;
      values[i] = value * (value > 0 ? wordScale : charScale);
    }
    vector.size = size;
    return vector;
  }

  private resetStamps(): void {
    for (let at = 1; at < this.table.length; at += 2) this.table[at] = 0;
    this.stamp = 1;
  }
}
