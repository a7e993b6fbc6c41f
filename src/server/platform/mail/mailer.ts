// Outgoing email: SMTP through nodemailer when SMTP_URL is set, otherwise written to the log so a
// single-machine install still gets its links.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text (already escaped by whoever built it). */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** True when messages really leave the machine. */
  readonly delivers: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string, logger: Logger): Mailer {
  if (!smtpUrl) {
    return {
      delivers: false,
      send: async (message) => {
        logger.info({ mail: { to: message.to, subject: message.subject, ...(message.headers ? { headers: message.headers } : {}) } }, `email not sent (SMTP_URL is not set):\n${message.text}`);
      },
      close: () => undefined,
    };
  }
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    delivers: true,
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}), ...(message.headers ? { headers: message.headers } : {}) });
    },
    close: () => transport.close(),
  };
}
