// Offline text classifiers for moderation: spam (spam/ham) and abuse (hate/offensive/neither).
// Shipped base models live in models/; trainClassifier() retrains from samples plus moderators' decisions.
export type { Classification, Classifier, ModelKind, SerializedModel, TrainingExample } from './types';
export { modelKinds, modelLabels } from './types';
export { classifierFromModel } from './model';
export { trainClassifier, trainAndLoad, trainingDefaults, type TrainingOptions } from './training';
export { baseModelPath, loadBaseClassifier } from './shipped-models';
export { CLEAN_HAM_SET, DAVIDSON_SET, baseTrainingExamples, sampleSets, samplesDirectory, type SampleSet } from './base-data';
export { computeMetrics, type ClassMetrics, type Metrics } from './metrics';
export { parseCsv, parseCsvRecords } from './csv';
export { majorityBaseline, seededRandom, shuffled, stratifiedRandomBaseline, stratifiedSplit } from './evaluation';
export { defaultFeatureSettings, normalizeText, type FeatureSettings } from './text-features';
