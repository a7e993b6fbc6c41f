// Site settings: typed, with defaults, cached in memory and re-read in every process when changed.
import { Value } from '@sinclair/typebox/value';
import type { AppContext } from '../../context';
import { requireRole, type Actor } from '../../platform/http/principal';
import { insertAudit } from '../audit';
import { SiteSettings, settingDefaults, type SettingsPatch } from './settings.schema';
import { insertGuidelineVersion } from './guidelines.store';
import { readSettingRows, writeSetting } from './settings.store';

export interface SettingsService {
  get(): Promise<SiteSettings>;
  update(actor: Actor, patch: SettingsPatch, ip: string | null): Promise<SiteSettings>;
}

export function createSettingsService(ctx: AppContext): SettingsService {
  let cached: Promise<SiteSettings> | undefined;

  const load = async (): Promise<SiteSettings> => {
    const rows = await readSettingRows(ctx.database.db);
    const merged: Record<string, unknown> = { ...settingDefaults };
    for (const row of rows) if (row.key in settingDefaults) merged[row.key] = row.value;
    // A stored value that no longer fits the schema falls back to its default rather than breaking start-up.
    for (const key of Object.keys(settingDefaults) as (keyof SiteSettings)[]) {
      if (!Value.Check(SiteSettings.properties[key], merged[key])) merged[key] = settingDefaults[key];
    }
    return merged as SiteSettings;
  };

  ctx.bus.on('settings.updated', () => {
    cached = undefined;
  });

  return {
    get: () => {
      cached ??= load().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },

    async update(actor, patch, ip) {
      const admin = requireRole(actor, 'admin', 'Only admins can change settings');
      const before = await load();
      const changes: Partial<SiteSettings> = { ...patch };
      if (patch.guidelines !== undefined && patch.guidelines !== before.guidelines) {
        changes.guidelinesVersion = before.guidelinesVersion + 1;
      }
      const keys = Object.keys(changes) as (keyof SiteSettings)[];
      await ctx.database.tx(async (trx) => {
        for (const key of keys) await writeSetting(trx, key, changes[key], admin.memberId);
        if (changes.guidelinesVersion !== undefined && changes.guidelines !== undefined) {
          await insertGuidelineVersion(trx, before.guidelinesVersion, before.guidelines, null);
          await insertGuidelineVersion(trx, changes.guidelinesVersion, changes.guidelines, admin.memberId);
        }
        const pick = (s: Partial<SiteSettings>) => Object.fromEntries(keys.map((k) => [k, k === 'guidelines' ? '(text)' : s[k]]));
        await insertAudit(trx, { actorId: admin.memberId, action: 'settings.update', targetType: 'settings', targetId: null, before: pick(before), after: pick(changes), ip });
      });
      cached = undefined;
      await ctx.bus.emit('settings.updated', { keys });
      return this.get();
    },
  };
}
