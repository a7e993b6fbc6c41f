// Limited-memory BFGS with a backtracking (Armijo) line search: deterministic, no tuning of a step size.

/** Writes the gradient at x into `gradient` and returns the objective's value. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Stop when the objective improves by less than this fraction between iterations. */
  tolerance: number;
  memory: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Minimizes `objective` starting from x, which is updated in place. Returns the iterations used. */
export function minimize(objective: Objective, x: Float64Array, options: LbfgsOptions): number {
  const n = x.length;
  const gradient = new Float64Array(n);
  const nextGradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const trial = new Float64Array(n);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const alphas = new Float64Array(options.memory);
  let value = objective(x, gradient);

  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    // Two-loop recursion: direction = -H·g.
    for (let i = 0; i < n; i++) direction[i] = -(gradient[i] ?? 0);
    for (let k = steps.length - 1; k >= 0; k--) {
      const alpha = (rhos[k] ?? 0) * dot(steps[k] as Float64Array, direction);
      alphas[k] = alpha;
      const change = changes[k] as Float64Array;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] ?? 0) - alpha * (change[i] ?? 0);
    }
    const last = steps.length - 1;
    if (last >= 0) {
      const change = changes[last] as Float64Array;
      const gamma = dot(steps[last] as Float64Array, change) / dot(change, change);
      for (let i = 0; i < n; i++) direction[i] = (direction[i] ?? 0) * gamma;
    }
    for (let k = 0; k < steps.length; k++) {
      const beta = (rhos[k] ?? 0) * dot(changes[k] as Float64Array, direction);
      const step = steps[k] as Float64Array;
      const alpha = alphas[k] ?? 0;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] ?? 0) + (alpha - beta) * (step[i] ?? 0);
    }

    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      for (let i = 0; i < n; i++) direction[i] = -(gradient[i] ?? 0);
      steps.length = changes.length = rhos.length = 0;
      slope = dot(gradient, direction);
    }
    if (slope === 0) return iteration;

    let stepSize = steps.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) trial[i] = (x[i] ?? 0) + stepSize * (direction[i] ?? 0);
      nextValue = objective(trial, nextGradient);
      if (nextValue <= value + 1e-4 * stepSize * slope) break;
      stepSize /= 2;
    }
    if (!(nextValue < value)) return iteration;

    const step = steps.length === options.memory ? (steps.shift() as Float64Array) : new Float64Array(n);
    const change = changes.length === options.memory ? (changes.shift() as Float64Array) : new Float64Array(n);
    if (rhos.length === options.memory) rhos.shift();
    for (let i = 0; i < n; i++) {
      step[i] = (trial[i] ?? 0) - (x[i] ?? 0);
      change[i] = (nextGradient[i] ?? 0) - (gradient[i] ?? 0);
    }
    const curvature = dot(step, change);
    if (curvature > 1e-12) {
      steps.push(step);
      changes.push(change);
      rhos.push(1 / curvature);
    }
    x.set(trial);
    gradient.set(nextGradient);
    const improvement = (value - nextValue) / Math.max(Math.abs(value), Math.abs(nextValue), 1);
    value = nextValue;
    if (improvement < options.tolerance) return iteration;
  }
  return options.maxIterations;
}
