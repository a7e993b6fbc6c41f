// The classifiers in use: the shipped base models, replaced by the newest model retrained from this
// community's decisions (kept in the database, so every process loads the same one).
import type { AppContext } from '../../../context';
import { classifierFromModel, loadBaseClassifier, type Classifier, type ModelKind, type SerializedModel } from '../classifiers';
import type { PostScores, Scorer } from '../scoring';
import { latestModel } from './learning.store';

export interface ModelRegistry extends Scorer {
  current(kind: ModelKind): Classifier;
  /** Re-reads the newest retrained models from the database. */
  reload(): Promise<void>;
}

export function createModelRegistry(ctx: AppContext): ModelRegistry {
  const models: Record<ModelKind, Classifier> = { spam: loadBaseClassifier('spam'), abuse: loadBaseClassifier('abuse') };
  const registry: ModelRegistry = {
    current: (kind) => models[kind],
    score(text): PostScores {
      const spam = models.spam.classify(text);
      const abuse = models.abuse.classify(text);
      return { spam: spam.scores, abuse: abuse.scores, spamVersion: spam.version, abuseVersion: abuse.version };
    },
    async reload() {
      for (const kind of ['spam', 'abuse'] as const) {
        const row = await latestModel(ctx.database.db, kind);
        if (row && row.version !== models[kind].version) models[kind] = classifierFromModel(row.model as SerializedModel);
      }
    },
  };
  ctx.bus.on('moderation.modelsChanged', () => registry.reload());
  return registry;
}
