import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { MailOutbox } from '../../model/mail-outbox.entity.js';
import { mailTransportFromEnv, type MailTransport } from './mail-transport.js';
import { logger } from '../../logging/logger.js';

const minute = 60_000;
/** A claimed mail is left to its sender this long; after a crash mid-send another one retries. */
export const claimLease = 10 * minute;
const batchSize = 50;
/** The outbox column's width. */
const lastErrorLength = 500;

/** Wait after the n-th failed attempt: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelay(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * minute, 6 * 60 * minute);
}

export interface SendReport {
  readonly sent: number;
  readonly failed: number;
}

/**
 * Sends the due mails of the outbox once each. A mail is first claimed with a conditional update
 * (its next attempt moved past the lease), so two API instances polling at once never both send
 * it; it is marked sent after the transport accepted it, or gets its error and a later retry.
 */
export async function sendPendingMail(
  em: EntityManager,
  transport: MailTransport,
  now: Date,
): Promise<SendReport> {
  const due = await em.find(
    MailOutbox,
    { sentAt: null, nextAttemptAt: { $lte: now } },
    { orderBy: { nextAttemptAt: 'asc', createdAt: 'asc' }, limit: batchSize },
  );
  let sent = 0;
  let failed = 0;
  for (const mail of due) {
    const claimed = await em.nativeUpdate(
      MailOutbox,
      { id: mail.id, sentAt: null, nextAttemptAt: { $lte: now } },
      { nextAttemptAt: new Date(now.getTime() + claimLease) },
    );
    if (claimed !== 1) continue;
    try {
      await transport.send({
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      await em.nativeUpdate(
        MailOutbox,
        { id: mail.id },
        {
          attempts,
          lastError: String(error instanceof Error ? error.message : error).slice(
            0,
            lastErrorLength,
          ),
          nextAttemptAt: new Date(now.getTime() + retryDelay(attempts)),
        },
      );
      failed++;
      continue;
    }
    await em.nativeUpdate(MailOutbox, { id: mail.id }, { sentAt: now, lastError: null });
    sent++;
  }
  return { sent, failed };
}

export interface MailSenderOptions {
  readonly orm: MikroORM;
  readonly clock?: () => Date;
  readonly intervalMs?: number;
  /** Default: from the environment (`mailTransportFromEnv`). */
  readonly transport?: MailTransport | null;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Polls the outbox until the returned function is called; that function waits for a round in
 * progress, so shutdown never cuts a send in half.
 */
export function startMailSender(options: MailSenderOptions): () => Promise<void> {
  const { orm, clock = () => new Date(), intervalMs = 5000 } = options;
  const log = options.log ?? ((message, error) => logger.error({ err: error }, message));
  const transport = options.transport === undefined ? mailTransportFromEnv() : options.transport;
  if (!transport) {
    log('Mail is not sent: set SMTP_URL. Mails stay queued in the outbox until then.');
    return async () => undefined;
  }
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const tick = () => {
    round = sendPendingMail(orm.em.fork(), transport, clock())
      .then(
        () => undefined,
        (error: unknown) => log('Mail sender round failed', error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await round;
    transport.close?.();
  };
}
