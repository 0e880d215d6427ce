import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { logger } from '../../logging/logger.js';

/** A file sent with a mail. */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** One mail as the sender hands it over; `from` is the transport's. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string | null;
  readonly attachments?: readonly MailAttachment[];
}

/** What nodemailer takes for a message: its own optional fields, not nulls. */
function nodemailerMessage(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
    attachments: message.attachments?.map((file) => ({ ...file })),
  };
}

/** Delivers one mail or throws; the sender retries what throws. */
export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM || 'Parkeer <noreply@parkeer.local>';
}

/** `data/mail/` at the repository root: the same path from `src/` under tests and `dist/`. */
export function defaultMailDirectory(): string {
  return fileURLToPath(new URL('../../../../../data/mail/', import.meta.url));
}

/** Real delivery through the SMTP server of `url` (e.g. `smtps://user:pass@smtp.example.nl`). */
export function smtpTransport(url: string, from = mailFrom()): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail(nodemailerMessage(from, message));
    },
    close: () => transporter.close(),
  };
}

/**
 * For development without a mail server: each mail becomes a `.eml` file (open it in any mail
 * program) and one console line. The line names recipient and subject only: links in mails
 * carry secrets, and consoles end up in shared logs.
 */
export function fileTransport(
  directory = defaultMailDirectory(),
  from = mailFrom(),
  log: (line: string) => void = (line) => logger.info(line),
): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    name: 'file',
    async send(message) {
      const info = await transporter.sendMail(nodemailerMessage(from, message));
      await mkdir(directory, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(directory, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, info.message as Buffer);
      // The file, not the address: no e-mail addresses in the log.
      log(`mail "${message.subject}" written to ${file}`);
    },
  };
}

/**
 * SMTP when SMTP_URL is set; otherwise files, except in production, where mail stays queued
 * (null) until a server is configured rather than landing on disk with its links.
 */
export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  if (env.SMTP_URL) return smtpTransport(env.SMTP_URL, mailFrom(env));
  if (env.NODE_ENV === 'production') return null;
  return fileTransport(env.MAIL_DIR || defaultMailDirectory(), mailFrom(env));
}
