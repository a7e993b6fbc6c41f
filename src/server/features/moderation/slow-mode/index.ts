// Slow mode: staff set how often members may post in a topic; the moderation post gate enforces it.
export { createSlowModeService, type SlowModeService } from './slow-mode.service';
export { registerSlowModeRoutes } from './slow-mode.routes';
