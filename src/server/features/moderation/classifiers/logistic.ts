// Multinomial logistic regression (softmax) with L2 regularization, fitted by L-BFGS on sparse rows.
import { minimize } from './lbfgs';

/** Compressed sparse rows: row r holds indices/values[offsets[r] .. offsets[r + 1]). */
export interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export interface SoftmaxProblem {
  rows: SparseRows;
  /** Class index of each row. */
  labels: Int32Array;
  /** Weight of each row (1 for an ordinary example). */
  weights: Float64Array;
  features: number;
  classes: number;
}

export interface SoftmaxOptions {
  /** Inverse regularization strength, as in scikit-learn: larger fits the data more closely. */
  c: number;
  maxIterations: number;
  tolerance: number;
}

export interface SoftmaxWeights {
  /** features × classes, feature-major. */
  weights: Float64Array;
  bias: Float64Array;
}

function makeObjective(problem: SoftmaxProblem, c: number): (x: Float64Array, gradient: Float64Array) => number {
  const { rows, labels, weights, features, classes } = problem;
  const rowCount = labels.length;
  const totalWeight = weights.reduce((sum, w) => sum + w, 0) || 1;
  const lambda = 1 / (c * totalWeight);
  const biasAt = features * classes;
  // Two or three classes (every ModelKind), written out so the inner loops keep their sums in registers.
  const three = classes === 3;
  return (x, gradient) => {
    gradient.fill(0);
    let loss = 0;
    for (let r = 0; r < rowCount; r++) {
      const start = rows.offsets[r] as number;
      const end = rows.offsets[r + 1] as number;
      let z0 = x[biasAt] as number;
      let z1 = x[biasAt + 1] as number;
      let z2 = three ? (x[biasAt + 2] as number) : -Infinity;
      for (let p = start; p < end; p++) {
        const base = (rows.indices[p] as number) * classes;
        const value = rows.values[p] as number;
        z0 += value * (x[base] as number);
        z1 += value * (x[base + 1] as number);
        if (three) z2 += value * (x[base + 2] as number);
      }
      const max = Math.max(z0, z1, z2);
      const e0 = Math.exp(z0 - max);
      const e1 = Math.exp(z1 - max);
      const e2 = three ? Math.exp(z2 - max) : 0;
      const sum = e0 + e1 + e2;
      const label = labels[r] as number;
      const weight = (weights[r] as number) / totalWeight;
      loss -= weight * Math.log(Math.max((label === 0 ? e0 : label === 1 ? e1 : e2) / sum, 1e-300));
      const d0 = weight * (e0 / sum - (label === 0 ? 1 : 0));
      const d1 = weight * (e1 / sum - (label === 1 ? 1 : 0));
      const d2 = weight * (e2 / sum - (label === 2 ? 1 : 0));
      for (let p = start; p < end; p++) {
        const base = (rows.indices[p] as number) * classes;
        const value = rows.values[p] as number;
        gradient[base] = (gradient[base] as number) + value * d0;
        gradient[base + 1] = (gradient[base + 1] as number) + value * d1;
        if (three) gradient[base + 2] = (gradient[base + 2] as number) + value * d2;
      }
      gradient[biasAt] = (gradient[biasAt] as number) + d0;
      gradient[biasAt + 1] = (gradient[biasAt + 1] as number) + d1;
      if (three) gradient[biasAt + 2] = (gradient[biasAt + 2] as number) + d2;
    }
    let norm = 0;
    for (let i = 0; i < biasAt; i++) {
      const w = x[i] ?? 0;
      norm += w * w;
      gradient[i] = (gradient[i] ?? 0) + lambda * w;
    }
    return loss + (lambda / 2) * norm;
  };
}

export function trainSoftmax(problem: SoftmaxProblem, options: SoftmaxOptions): SoftmaxWeights {
  if (problem.classes !== 2 && problem.classes !== 3) throw new Error('Softmax training supports two or three classes');
  const size = problem.features * problem.classes;
  const x = new Float64Array(size + problem.classes);
  minimize(makeObjective(problem, options.c), x, { maxIterations: options.maxIterations, tolerance: options.tolerance, memory: 10 });
  return { weights: x.slice(0, size), bias: x.slice(size) };
}
