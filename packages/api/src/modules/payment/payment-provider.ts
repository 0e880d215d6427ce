import type { IncomingHttpHeaders } from 'node:http';
import type { Payment, PaymentStatus } from './payment.entity.js';

export interface Checkout {
  /** The provider's own id of the payment; stored on the payment, unique. */
  readonly providerRef: string;
  /** Where the holder's browser goes to pay. */
  readonly checkoutUrl: string;
}

/** What a verified webhook says: the provider's payment and its final state. */
export interface PaymentUpdate {
  readonly providerRef: string;
  readonly status: Exclude<PaymentStatus, 'open'>;
}

/** A webhook that must not change anything; `httpStatus` is what the sender gets back. */
export class WebhookRejected extends Error {
  constructor(
    readonly httpStatus: 400 | 401,
    reason: string,
  ) {
    super(reason);
    this.name = 'WebhookRejected';
  }
}

/**
 * A payment service (iDEAL through a PSP, or the built-in simulation). The API never trusts the
 * browser about a payment: only a webhook that `verifyWebhook` accepts changes its status.
 */
export interface PaymentProvider {
  /** Stored in `Payment.provider`. */
  readonly name: string;
  /** The last part of the webhook address: `/webhooks/payments/<webhookSlug>`. */
  readonly webhookSlug: string;
  /** Opens a payment at the provider for a persisted, open payment. */
  createCheckout(payment: Payment): Promise<Checkout>;
  /** The checkout address of a payment opened earlier (a retried start returns it again). */
  checkoutUrlOf(providerRef: string): Promise<string>;
  /** The update a webhook carries, or throws `WebhookRejected` (bad signature, bad body). */
  verifyWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): PaymentUpdate;
}
