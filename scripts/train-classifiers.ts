// npm run train:classifiers: trains the shipped spam and abuse models on all the sample data and writes
// models/<kind>.json (deterministic: the same data gives the same files). See models/SOURCES.md.
import fs from 'node:fs';
import path from 'node:path';
import { baseTrainingExamples, modelKinds, samplesDirectory, trainClassifier } from '../src/server/features/moderation/classifiers/index';
import { projectRoot } from '../src/server/platform/paths';

const directory = path.join(projectRoot(), 'models');
fs.mkdirSync(directory, { recursive: true });

for (const kind of modelKinds) {
  const examples = baseTrainingExamples(kind);
  if (examples.length === 0) {
    console.error(`No ${kind} samples under ${samplesDirectory()} (set HEARTH_MODERATION_SAMPLES)`);
    process.exit(1);
  }
  const started = Date.now();
  const model = trainClassifier(kind, examples, { tag: 'base' });
  const file = path.join(directory, `${kind}.json`);
  fs.writeFileSync(file, `${JSON.stringify(model, null, 1)}\n`);
  const counts = Object.entries(model.trainedOn).map(([label, n]) => `${n} ${label}`).join(', ');
  console.log(`${model.version}: ${counts}; ${(fs.statSync(file).size / 1024).toFixed(0)} KB; trained in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(projectRoot(), file)}`);
}
