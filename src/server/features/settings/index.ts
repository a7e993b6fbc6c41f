// Site settings and the public site information.
export { createSettingsService, type SettingsService } from './settings.service';
export { registerSettingsRoutes } from './settings.routes';
export type { SiteSettings } from './settings.schema';
export { TrustLimits, TrustRequirements } from './settings.schema';
