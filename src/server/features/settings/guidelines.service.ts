// The community guidelines: the current version with its sections (what moderators cite), earlier
// versions, and members accepting the current one (asked again after every change).
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../platform/errors';
import { requireMember, type Actor } from '../../platform/http/principal';
import { recordActivity } from '../activities';
import { guidelineSections } from './guidelines.rules';
import type { GuidelinesView, GuidelineVersionList } from './guidelines.schema';
import { acceptGuidelines, findGuidelineVersion, insertGuidelineVersion, listGuidelineVersions } from './guidelines.store';
import type { SettingsService } from './settings.service';

export function createGuidelinesService(ctx: AppContext, settings: SettingsService) {
  const db = ctx.database.db;

  return {
    async current(): Promise<GuidelinesView> {
      const site = await settings.get();
      return { version: site.guidelinesVersion, markdown: site.guidelines, sections: guidelineSections(site.guidelines) };
    },

    async versions(): Promise<GuidelineVersionList> {
      const site = await settings.get();
      // The version in use is on record even when it predates the versions table (or is the default).
      await insertGuidelineVersion(db, site.guidelinesVersion, site.guidelines, null);
      const rows = await listGuidelineVersions(db);
      return { current: site.guidelinesVersion, items: rows.map((r) => ({ version: r.version, createdAt: r.created_at.toISOString(), by: r.username })) };
    },

    async version(version: number): Promise<GuidelinesView> {
      const current = await this.current();
      if (version === current.version) return current;
      const row = await findGuidelineVersion(db, version);
      if (!row) throw notFound('No such version of the guidelines');
      return { version: row.version, markdown: row.markdown, sections: guidelineSections(row.markdown) };
    },

    /** The member accepts the version they read; a stale version (changed meanwhile) is 409. */
    async accept(actor: Actor, version: number): Promise<{ version: number; acceptedAt: string }> {
      const member = requireMember(actor);
      const site = await settings.get();
      if (version !== site.guidelinesVersion) {
        throw new AppError('conflict', `The guidelines changed; read version ${site.guidelinesVersion} and accept that one`, { field: 'version' });
      }
      const at = new Date();
      await ctx.database.tx(async (trx) => {
        await acceptGuidelines(trx, member.memberId, version, at);
        await recordActivity(trx, { memberId: member.memberId, kind: 'guidelines.accepted', occurredAt: at, props: { version } });
      });
      await ctx.bus.emit('member.updated', { memberId: member.memberId });
      return { version, acceptedAt: at.toISOString() };
    },
  };
}

export type GuidelinesService = ReturnType<typeof createGuidelinesService>;
