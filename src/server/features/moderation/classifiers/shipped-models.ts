// The base models shipped in <projectRoot>/models/, loaded once per process.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/paths';
import { classifierFromModel } from './model';
import type { Classifier, ModelKind, SerializedModel } from './types';

const loaded = new Map<ModelKind, Classifier>();

export function baseModelPath(kind: ModelKind): string {
  return path.join(projectRoot(), 'models', `${kind}.json`);
}

export function loadBaseClassifier(kind: ModelKind): Classifier {
  const cached = loaded.get(kind);
  if (cached) return cached;
  const file = baseModelPath(kind);
  if (!fs.existsSync(file)) throw new Error(`The ${kind} model is missing (${file}); run npm run train:classifiers`);
  const classifier = classifierFromModel(JSON.parse(fs.readFileSync(file, 'utf8')) as SerializedModel);
  loaded.set(kind, classifier);
  return classifier;
}
