/**
 * The Mailer port: how Crier sends e-mail (IV.A.14: the IT Manager is informed at once of a
 * credential change). Implementations live in src/adapters/mailer (SMTP through nodemailer, and an
 * in-memory/log mailer for the demo); main.ts wires one in. Messages never carry secrets.
 */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface MailReceipt {
  /** The transport's id for the message, when it gives one. */
  messageId: string | null;
}

export interface Mailer {
  /** A short description for logs and `crier` output (never credentials). */
  readonly description: string;
  /** Sends one message; throws when the transport refuses it. */
  send(message: MailMessage): Promise<MailReceipt>;
  close?(): Promise<void>;
}
