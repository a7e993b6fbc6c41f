import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas';
import { requireRole } from '../../platform/http/principal';
import type { AppContext } from '../../context';
import { appVersion } from '../../platform/paths';
import { registerGuidelinesRoutes } from './guidelines.routes';
import { createGuidelinesService } from './guidelines.service';
import { SettingsPatch, SiteInfo, SiteSettings } from './settings.schema';
import type { SettingsService } from './settings.service';

export function registerSettingsRoutes(app: FastifyInstance, ctx: AppContext, settings: SettingsService, needsSetup: () => Promise<boolean>): void {
  const guidelines = createGuidelinesService(ctx, settings);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const version = appVersion();

  r.get(
    '/api/site',
    { schema: { tags: ['site'], summary: 'Public facts about this community', response: { 200: SiteInfo, ...errorResponses() } } },
    async () => {
      const s = await settings.get();
      return {
        name: s.siteName,
        description: s.siteDescription,
        version,
        allowSignups: s.allowSignups,
        needsSetup: await needsSetup(),
        emailDelivery: ctx.mailer.delivers,
        guidelinesVersion: s.guidelinesVersion,
      };
    },
  );

  registerGuidelinesRoutes(app, guidelines);

  r.get(
    '/api/admin/settings',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: { tags: ['admin'], summary: 'Read all site settings', response: { 200: SiteSettings, ...errorResponses(401, 403) } },
    },
    async (request) => {
      requireRole(request.principal, 'admin', 'Only admins can read settings');
      return settings.get();
    },
  );

  r.patch(
    '/api/admin/settings',
    {
      config: { auth: 'member', scope: 'admin' },
      schema: { tags: ['admin'], summary: 'Change site settings', body: SettingsPatch, response: { 200: SiteSettings, ...errorResponses(401, 403) } },
    },
    async (request) => settings.update(request.principal, request.body, request.ip),
  );
}
