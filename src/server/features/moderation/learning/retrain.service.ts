// Retraining: the base samples plus every moderator decision (weighted higher, the latest per post),
// for each classifier. Runs as a weekly job and on an admin's request; the new model is stored and
// every process switches to it.
import type { AppContext } from '../../../context';
import { requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import { baseTrainingExamples, trainClassifier, type ModelKind } from '../classifiers';
import { communityLabels, insertModel, latestModel } from './learning.store';
import type { ModelRegistry } from './model-registry';

/** A moderator's decision counts as much as this many sample examples. */
export const COMMUNITY_WEIGHT = 3;

export interface RetrainResult {
  kind: ModelKind;
  version: string | null;
  examples: number;
  communityExamples: number;
  skipped: string | null;
}

export function createRetrainService(ctx: AppContext, registry: ModelRegistry) {
  async function retrainKind(kind: ModelKind, progress: (message: string) => Promise<void>): Promise<RetrainResult> {
    const base = baseTrainingExamples(kind);
    const community = await communityLabels(ctx.database.db, kind);
    if (base.length === 0) return { kind, version: null, examples: 0, communityExamples: community.length, skipped: 'the base samples are not on this machine (HEARTH_MODERATION_SAMPLES)' };
    if (community.length === 0) return { kind, version: registry.current(kind).version, examples: base.length, communityExamples: 0, skipped: 'no moderator decisions to learn from yet' };
    await progress(`training ${kind} on ${base.length} samples and ${community.length} decisions`);
    const model = trainClassifier(kind, [...base, ...community.map((c) => ({ ...c, weight: COMMUNITY_WEIGHT }))], { tag: 'community' });
    const previous = await latestModel(ctx.database.db, kind);
    if (previous?.version !== model.version) {
      await insertModel(ctx.database.db, { kind, version: model.version, model, examples: base.length + community.length, communityExamples: community.length });
    }
    return { kind, version: model.version, examples: base.length + community.length, communityExamples: community.length, skipped: null };
  }

  const service = {
    async retrain(progress: (percent: number, message: string) => Promise<void> = async () => undefined): Promise<RetrainResult[]> {
      const spam = await retrainKind('spam', (m) => progress(10, m));
      const abuse = await retrainKind('abuse', (m) => progress(55, m));
      await registry.reload();
      await ctx.bus.emit('moderation.modelsChanged', { kinds: ['spam', 'abuse'] });
      await progress(100, 'done');
      return [spam, abuse];
    },

    async retrainNow(actor: Actor, ip: string): Promise<{ items: RetrainResult[] }> {
      const admin = requireRole(actor, 'admin', 'Only admins can retrain the classifiers');
      const items = await service.retrain();
      await insertAudit(ctx.database.db, { actorId: admin.memberId, action: 'classifiers.retrain', targetType: 'classifier', targetId: null, after: items, ip });
      return { items };
    },

    defineJob(): void {
      ctx.jobs.define({
        queue: 'moderation.retrain',
        schedule: '41 4 * * 0',
        handler: async (_data, job) => ({ items: await service.retrain((percent, message) => job.progress(percent, message)) }),
      });
    },
  };
  return service;
}

export type RetrainService = ReturnType<typeof createRetrainService>;
