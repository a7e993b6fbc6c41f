// HTTP for password resets and email confirmation.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NoContent, errorResponses } from '../../platform/http/schemas';
import { Accepted, EmailConfirm, EmailResend, PasswordResetConfirm, PasswordResetRequest } from './accounts.schema';
import type { RecoveryService } from './recovery.service';

const hourly = (max: number) => ({ rateLimit: { max, timeWindow: 3_600_000 } });

export function registerRecoveryRoutes(app: FastifyInstance, recovery: RecoveryService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/password-resets',
    {
      config: hourly(10),
      schema: {
        tags: ['accounts'],
        summary: 'Email a password reset link',
        description: 'Always answers 202, whether or not the email belongs to an account.',
        body: PasswordResetRequest,
        response: { 202: Accepted, ...errorResponses() },
      },
    },
    async (request, reply) => {
      await recovery.requestPasswordReset(request.body.email, request.ip);
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  r.post(
    '/api/password-resets/confirm',
    {
      config: hourly(20),
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with the emailed token',
        description: 'Ends every session of the member.',
        body: PasswordResetConfirm,
        response: { 204: NoContent, ...errorResponses() },
      },
    },
    async (request, reply) => {
      await recovery.resetPassword(request.body.token, request.body.password, request.ip);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/email-confirmations/confirm',
    {
      config: hourly(30),
      schema: { tags: ['accounts'], summary: 'Confirm an email address with the emailed token', body: EmailConfirm, response: { 204: NoContent, ...errorResponses() } },
    },
    async (request, reply) => {
      await recovery.confirmEmail(request.body.token);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/email-confirmations/resend',
    {
      config: hourly(5),
      schema: { tags: ['accounts'], summary: 'Send the confirmation link again', body: EmailResend, response: { 202: Accepted, ...errorResponses() } },
    },
    async (request, reply) => {
      await recovery.resendConfirmation(request.body.email);
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );
}
