// Naive Bayes feature scaling, after Wang & Manning's NBSVM (ACL 2012): before the regression is fitted,
// each feature is multiplied by how much more often it occurs in one class than in the others. The
// fitted weights are multiplied back afterwards, so classifying needs no extra step.
import type { SparseRows } from './logistic';

/** Per feature: the largest |log ratio| of its smoothed frequency in a class vs. the other classes. */
export function nbFeatureScales(rows: SparseRows, labels: Int32Array, weights: Float64Array, features: number, classes: number, smoothing: number): Float64Array {
  const counts = new Float64Array(features * classes);
  const totals = new Float64Array(classes);
  for (let r = 0; r < labels.length; r++) {
    const k = labels[r] as number;
    const weight = weights[r] as number;
    for (let p = rows.offsets[r] as number; p < (rows.offsets[r + 1] as number); p++) {
      const amount = weight * (rows.values[p] as number);
      counts[(rows.indices[p] as number) * classes + k] = (counts[(rows.indices[p] as number) * classes + k] as number) + amount;
      totals[k] = (totals[k] as number) + amount;
    }
  }
  const allTotal = totals.reduce((sum, t) => sum + t, 0);
  const smoothTotal = smoothing * features;
  const scales = new Float64Array(features);
  for (let j = 0; j < features; j++) {
    let all = 0;
    for (let k = 0; k < classes; k++) all += counts[j * classes + k] as number;
    let largest = 0;
    for (let k = 0; k < classes; k++) {
      const inClass = counts[j * classes + k] as number;
      const ratio = Math.log((inClass + smoothing) / ((totals[k] as number) + smoothTotal)) - Math.log((all - inClass + smoothing) / (allTotal - (totals[k] as number) + smoothTotal));
      largest = Math.max(largest, Math.abs(ratio));
    }
    scales[j] = largest;
  }
  return scales;
}

export function scaleRows(rows: SparseRows, scales: Float64Array): void {
  for (let p = 0; p < rows.indices.length; p++) rows.values[p] = (rows.values[p] as number) * (scales[rows.indices[p] as number] as number);
}

/** Turns weights fitted on scaled rows into weights for unscaled vectors. */
export function unscaleWeights(weights: Float64Array, scales: Float64Array, classes: number): void {
  for (let j = 0; j < scales.length; j++) {
    for (let k = 0; k < classes; k++) weights[j * classes + k] = (weights[j * classes + k] as number) * (scales[j] as number);
  }
}
