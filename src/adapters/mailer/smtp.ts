import nodemailer from 'nodemailer';
import type { MailMessage, Mailer, MailReceipt } from '../../ports/mailer.ts';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
  /** Give up on a silent server after this long (ms). */
  timeoutMs?: number;
}

/** Sends through an SMTP server with nodemailer. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const u = new URL(options.url);
  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
    secure: u.protocol === 'smtps:',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // A local relay without TLS (tests, an on-premises relay) is allowed when the URL says so.
    ignoreTLS: u.searchParams.get('tls') === 'off',
    tls: u.searchParams.get('tls') === 'insecure' ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    // The description names the server, never the credentials in the URL.
    description: `SMTP ${u.hostname}:${u.port || (u.protocol === 'smtps:' ? 465 : 587)}`,
    async send(message: MailMessage): Promise<MailReceipt> {
      const info = await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    async close() {
      transport.close();
    },
  };
}
