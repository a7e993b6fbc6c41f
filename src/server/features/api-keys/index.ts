// API keys for bots and integrations.
export { createApiKeysService, type ApiKeysService } from './api-keys.service';
export { registerApiKeyRoutes } from './api-keys.routes';
