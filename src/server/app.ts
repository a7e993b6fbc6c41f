// buildApp: platform plugins first, then each feature's routes.
import http from 'node:http';
import path from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import addFormats from 'ajv-formats';
import { registerErrorHandling } from './platform/http/error-handler';
import { requestIds, securityHeaders } from './platform/http/every-response';
import { HotLane } from './platform/http/hot-lane';
import { lazySchemaController } from './platform/http/lazy-compilers';
import { registerOpenApi } from './platform/http/openapi';
import { registerRateLimits } from './platform/http/rate-limit';
import { htmlPages, registerWeb } from './platform/http/web';
import { registerRealtimeRoutes } from './platform/realtime/routes';
import { appVersion, projectRoot } from './platform/paths';
import { registerAccounts, registerAuthentication } from './features/accounts';
import { registerApiKeyRoutes } from './features/api-keys';
import { registerAuditRoutes } from './features/audit';
import { registerDigestRoutes } from './features/digests';
import { registerDiscussions, registerPublicPages } from './features/discussions';
import { registerGroupRoutes } from './features/groups';
import { registerHealthRoutes } from './features/health';
import { registerJobRoutes } from './features/jobs';
import { registerMessageRoutes } from './features/messages';
import { registerNotificationRoutes } from './features/notifications';
import { registerSettingsRoutes } from './features/settings';
import { registerSetupRoutes } from './features/setup';
import { registerModeration } from './features/moderation';
// moderation: flags and trust levels
import { registerFlagRoutes } from './features/moderation/flags';
import { registerTrustRoutes } from './features/moderation/trust';
// moderation: mediation and slow mode
import { registerTransparencyRoutes } from './features/audit';
import { registerMediationRoutes } from './features/moderation/mediation';
import { registerSlowModeRoutes } from './features/moderation/slow-mode';
import { registerPrograms } from './features/programs';
import type { Runtime } from './runtime';

export const BODY_LIMIT = 1024 * 1024;

/** The options Fastify hands a server factory, with its defaults filled in. */
interface ServerTimings {
  http?: http.ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
}

export interface BuildOptions {
  /** Where the built web app lives (default dist/web). */
  webDir?: string;
}

export async function buildApp(runtime: Runtime, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { ctx, services } = runtime;
  const nextRequestId = requestIds();
  const lane = new HotLane({ maxEntries: ctx.config.responseCacheEntries, trustProxy: ctx.config.trustProxy, nextRequestId, logger: ctx.logger });
  const app = Fastify({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- pino's Logger and Fastify's base logger differ in generics
    loggerInstance: ctx.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: nextRequestId,
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    schemaController: lazySchemaController,
    // Fastify's own server set-up, with the hot lane in front of its request handler.
    serverFactory: (handler, options) => {
      const { http: httpOptions, keepAliveTimeout, requestTimeout, connectionTimeout } = options as unknown as ServerTimings;
      const server = http.createServer(httpOptions ?? {}, lane.listener(handler));
      server.keepAliveTimeout = keepAliveTimeout;
      server.requestTimeout = requestTimeout;
      server.setTimeout(connectionTimeout);
      return server;
    },
    ajv: { customOptions: { validateSchema: false, removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false }, plugins: [addFormats.default] },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders).header('x-request-id', request.id);
  });
  // One line per request at info level; below it (LOG_LEVEL=warn) the hook is not even added, since
  // an onResponse hook costs every request a 'finish' listener.
  if (ctx.logger.isLevelEnabled('info')) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    });
  }

  app.decorate('hotLane', lane);
  app.addHook('preClose', async () => lane.close());
  registerErrorHandling(app);
  await registerOpenApi(app, appVersion());
  await app.register(cookie);
  const peekViewer = registerAuthentication(app, ctx, services.accounts);
  lane.connect(peekViewer, await registerRateLimits(app, ctx.config.rateLimitPerMinute, runtime.redis?.command, ctx.config.redisPrefix));

  registerHealthRoutes(app, ctx);
  registerSetupRoutes(app, ctx, services.setup);
  registerSettingsRoutes(app, ctx, services.settings, services.setup.needsSetup);
  registerAccounts(app, ctx, services.accounts);
  registerApiKeyRoutes(app, services.apiKeys);
  registerGroupRoutes(app, services.groups);
  registerDiscussions(app, services.discussions, { postsPerMinute: ctx.config.postsPerMinute });
  registerNotificationRoutes(app, services.notifications);
  registerMessageRoutes(app, services.messages);
  registerDigestRoutes(app, services.digests.preferences, services.digests.digests);
  registerAuditRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerRealtimeRoutes(app, services.realtime);
  registerModeration(app, services.moderation);
  // moderation: flags and trust levels
  registerFlagRoutes(app, services.flags);
  registerTrustRoutes(app, services.trust);
  // moderation: mediation and slow mode
  registerMediationRoutes(app, services.mediation);
  registerSlowModeRoutes(app, services.slowMode);
  registerTransparencyRoutes(app, services.transparency);
  registerPrograms(app, services.programs);
  const webDir = options.webDir ?? path.join(projectRoot(), 'dist', 'web');
  registerPublicPages(app, services.discussions, htmlPages(webDir));
  await registerWeb(app, webDir);
  return app;
}
