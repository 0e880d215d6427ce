import type { IncomingHttpHeaders } from 'node:http';
import type { PaymentMethod, PaymentStatus } from '../../model/payment.entity.js';

/** What the provider needs to open a payment; nothing that identifies the resident. */
export interface CheckoutRequest {
  /** Our payment's id: the provider keeps it as metadata. */
  readonly paymentId: string;
  readonly totalCents: number;
  /** What is bought and from whom, shown at the bank. */
  readonly description: string;
  /** Where the bank sends the browser back to: the web app's result page of this payment. */
  readonly redirectUrl: string;
  readonly language: 'nl' | 'en';
  /** iDEAL or a card: the provider opens its checkout for that method only. */
  readonly method: PaymentMethod;
}

export interface Checkout {
  /** The provider's own id of the payment; stored on the payment, unique. */
  readonly providerRef: string;
  /** Where the holder's browser goes to pay. */
  readonly checkoutUrl: string;
}

/** What the provider says a payment came to; `open` is not an outcome. */
export interface PaymentUpdate {
  readonly providerRef: string;
  readonly status: Exclude<PaymentStatus, 'open' | 'refunded'>;
}

/** Money going back for a paid payment that was not credited. */
export interface RefundRequest {
  /** The provider's id of the paid payment. */
  readonly providerRef: string;
  /** Our payment's id: makes the refund idempotent at the provider. */
  readonly paymentId: string;
  readonly amountCents: number;
  readonly description: string;
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
 * A payment service (iDEAL or a card through a PSP, or the built-in simulation). The API never trusts the
 * browser about a payment: only what `readWebhook` establishes changes its status.
 */
export interface PaymentProvider {
  /** Stored in `Payment.provider`. */
  readonly name: string;
  /** The last part of the webhook address: `/webhooks/payments/<webhookSlug>`. */
  readonly webhookSlug: string;
  /**
   * Whether the webhook's answer may say what became of the payment. A provider whose webhook
   * anyone can call (Mollie: not signed) gets the same empty 200 for every id, known or not.
   */
  readonly webhookAnswerShowsOutcome: boolean;
  /** Opens a payment at the provider for a persisted, open payment. */
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * The checkout address of a payment opened earlier (a retried start returns it again); null
   * when there is nothing left to pay there.
   */
  checkoutUrlOf(providerRef: string): Promise<string | null>;
  /**
   * The outcome a webhook reports, established by the provider's own means (a signature, or
   * asking the provider back); null when there is nothing to change yet (still open, an id the
   * provider does not know). Throws `WebhookRejected` for a request that cannot be one.
   */
  readWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): Promise<PaymentUpdate | null>;
  /**
   * Pays the amount back. Safe to repeat for the same payment: a refund the provider already
   * has is returned, not made again.
   */
  refund(request: RefundRequest): Promise<{ readonly refundRef: string }>;
}
