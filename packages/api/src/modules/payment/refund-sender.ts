import type { EntityManager } from '@mikro-orm/core';
import { logger } from '../../logging/logger.js';
import { providerNamed } from './payment-providers.js';
import { Payment, type RefundReason } from '../../model/payment.entity.js';

/** On the holder's bank statement, with the refund. */
const refundDescription: Record<RefundReason, string> = {
  capReached: 'Terugbetaling opwaarderen: maximum voor deze periode bereikt',
  thresholdReached: 'Terugbetaling opwaarderen: saldo al boven de grens door andere opwaardering',
  permitRevoked: 'Terugbetaling opwaarderen: vergunning beëindigd',
  applicationRefused: 'Terugbetaling vergunningaanvraag: aanvraag afgewezen',
  permitEnded: 'Terugbetaling vergunning: ongebruikte periode',
};

/**
 * Sends the refund of a payment marked `refunded` to its provider: the `refundPayment` job,
 * scheduled in the transaction that decided it. Throws when the provider does not take it, so
 * the job runner tries again later; the provider's refund is idempotent per payment, so a
 * repeat after a lost answer refunds nothing twice.
 */
export async function sendRefund(em: EntityManager, paymentId: string, now: Date): Promise<void> {
  const payment = await em.findOne(Payment, paymentId);
  // Already sent, or not a refund at all: nothing (left) to do.
  if (!payment || payment.status !== 'refunded' || payment.refundRef) return;
  const provider = providerNamed(payment.provider);
  if (!provider) {
    throw new Error(
      `payment ${paymentId} was paid through ${payment.provider}, not configured now`,
    );
  }
  if (!payment.providerRef) throw new Error(`payment ${paymentId} has no provider reference`);
  const { refundRef } = await provider.refund({
    providerRef: payment.providerRef,
    paymentId,
    // A part for an early end (the unused term), else the whole payment that was not credited.
    amountCents: payment.refundCents ?? payment.totalCents,
    description: refundDescription[payment.refundReason ?? 'capReached'],
  });
  await em.nativeUpdate(
    Payment,
    { id: paymentId, refundRef: null },
    { refundRef, refundedAt: now },
  );
  logger.info({ paymentId, refundRef }, 'payment refunded through the provider');
}
