import type { Mailer } from '../../ports/mailer.ts';
import { createMemoryMailer } from './memory.ts';
import { createSmtpMailer } from './smtp.ts';

export { createSmtpMailer, type SmtpMailerOptions } from './smtp.ts';
export { createMemoryMailer, type MemoryMailer } from './memory.ts';

/** SMTP when a URL is configured; otherwise a mailer that keeps messages in memory and logs one line per message when given `log` (demo). */
export function mailerFor(mail: { smtpUrl: string | undefined; from: string }, log?: (line: string) => void): Mailer {
  return mail.smtpUrl ? createSmtpMailer({ url: mail.smtpUrl, from: mail.from }) : createMemoryMailer(log);
}
