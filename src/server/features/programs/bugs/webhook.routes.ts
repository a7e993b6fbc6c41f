// POST /api/integrations/github/webhook: in its own encapsulated scope, whose body parsers keep the
// raw bytes for the HMAC. No session, no CSRF: the signature is the credential. Its own rate limit.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../../platform/http/schemas';
import { WEBHOOK_PATH } from './github-settings.service';
import type { WebhookService } from './webhook.service';

const FORM = 'application/x-www-form-urlencoded';
const WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;

const WebhookResultView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('ignored'), Type.Literal('duplicate'), Type.Literal('processed')]),
  message: Type.String(),
  topicIds: Type.Array(Type.Integer(), { description: 'Topics whose status changed' }),
});

function header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function registerWebhookRoutes(app: FastifyInstance, webhook: WebhookService): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['application/json', FORM], { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(
      WEBHOOK_PATH,
      {
        config: { csrf: false, rateLimit: { max: 300, timeWindow: 60_000, keyGenerator: (request) => `ghwebhook:${request.ip}` } },
        bodyLimit: WEBHOOK_BODY_LIMIT,
        schema: {
          tags: ['bugs'],
          summary: 'GitHub webhook (issues events) for linked bug reports and ideas',
          description:
            'Verified with X-Hub-Signature-256 (HMAC-SHA256 of the exact body with GITHUB_WEBHOOK_SECRET or the admin setting): missing or wrong → 401 invalid_signature, logged, nothing changes. ' +
            '`ping` → 200; other events → 202 ignored; `issues` closed/reopened close or reopen the linked bug reports and notify their reporters, voters and followers; ' +
            'an issue no topic is linked to → 202 ignored; a repeated X-GitHub-Delivery (or the same signed body again) → 200 duplicate; ' +
            'an event whose issue.updated_at is more than 30 days old → 202 ignored (deliveries are remembered that long); bad JSON → 400.',
          consumes: ['application/json', FORM],
          response: { 200: WebhookResultView, 202: WebhookResultView, ...errorResponses(401) },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const isForm = (request.headers['content-type'] ?? '').startsWith(FORM);
        const { code, result } = await webhook.receive({
          event: header(request.headers['x-github-event']),
          deliveryId: header(request.headers['x-github-delivery'])?.slice(0, 100),
          signature: header(request.headers['x-hub-signature-256']),
          body,
          payloadText: () => (isForm ? (new URLSearchParams(body.toString('utf8')).get('payload') ?? '') : body.toString('utf8')),
          ip: request.ip,
        });
        return reply.code(code).send(result);
      },
    );
  });
}
