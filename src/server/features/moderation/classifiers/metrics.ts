// Precision, recall and F1 per class, with macro and support-weighted averages.

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  classes: ClassMetrics[];
  accuracy: number;
  macroF1: number;
  weightedF1: number;
}

export function computeMetrics(labels: readonly string[], truth: readonly string[], predicted: readonly string[]): Metrics {
  const classes = labels.map((label) => {
    let truePositive = 0;
    let predictedCount = 0;
    let support = 0;
    truth.forEach((actual, i) => {
      const guess = predicted[i];
      if (guess === label) predictedCount++;
      if (actual === label) support++;
      if (actual === label && guess === label) truePositive++;
    });
    const precision = predictedCount > 0 ? truePositive / predictedCount : 0;
    const recall = support > 0 ? truePositive / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const total = truth.length || 1;
  const correct = truth.filter((actual, i) => actual === predicted[i]).length;
  return {
    classes,
    accuracy: correct / total,
    macroF1: classes.reduce((sum, c) => sum + c.f1, 0) / (classes.length || 1),
    weightedF1: classes.reduce((sum, c) => sum + c.f1 * c.support, 0) / total,
  };
}
