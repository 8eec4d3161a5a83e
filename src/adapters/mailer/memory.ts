import { randomUUID } from 'node:crypto';
import type { MailMessage, Mailer, MailReceipt } from '../../ports/mailer.ts';

export interface MemoryMailer extends Mailer {
  /** Every message "sent", oldest first. */
  readonly sent: (MailMessage & { messageId: string; at: string })[];
  /** Make the next sends fail (to exercise failure handling). */
  failWith: Error | null;
}

/**
 * For the demo and tests: keeps messages in memory and, when given a log function, writes one
 * line per message (recipients and subject; bodies never carry secrets, but are not logged anyway).
 */
export function createMemoryMailer(log?: (line: string) => void): MemoryMailer {
  const mailer: MemoryMailer = {
    description: log ? 'log (mail is not sent: set CRIER_SMTP_URL)' : 'memory',
    sent: [],
    failWith: null,
    async send(message: MailMessage): Promise<MailReceipt> {
      if (mailer.failWith) throw mailer.failWith;
      const messageId = `<${randomUUID()}@crier.local>`;
      mailer.sent.push({ ...message, messageId, at: new Date().toISOString() });
      log?.(`mail (not sent) to ${message.to.join(', ')}: ${message.subject}`);
      return { messageId };
    },
  };
  return mailer;
}
