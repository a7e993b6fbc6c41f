// First-run setup of the first admin.
export { createSetupService, type SetupService } from './setup.service';
export { registerSetupRoutes } from './setup.routes';
