import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { publicAppUrl } from '../auth/email-link.js';
import { logger } from '../../logging/logger.js';
import {
  WebhookRejected,
  type Checkout,
  type CheckoutRequest,
  type PaymentProvider,
  type PaymentUpdate,
  type RefundRequest,
} from './payment-provider.js';
import { hasValidSignature } from './webhook-signature.js';

export const simulatedCheckoutPath = '/betalen/simulatie';

const finalStatuses = ['paid', 'cancelled', 'failed', 'expired'] as const;

/**
 * iDEAL without a bank, for development and demo mode only (the registry offers it only when
 * `config().PAYMENT_PROVIDER` is 'simulated', which production refuses): the API serves the
 * "bank" page itself, marked as a simulation, and pressing a button there makes the API send
 * itself the signed webhook a real provider would send. No money moves, so refunds are recorded
 * and nothing else.
 */
export class SimulatedIdealProvider implements PaymentProvider {
  readonly name = 'simulatedIdeal';
  readonly webhookSlug = 'simulated-ideal';
  // Signed by this process: whoever can sign already knows every outcome.
  readonly webhookAnswerShowsOutcome = true;

  async createCheckout(_request: CheckoutRequest): Promise<Checkout> {
    // Unguessable: whoever has the checkout address can pay or cancel, as with a real iDEAL link.
    const providerRef = `sim_${randomBytes(18).toString('base64url')}`;
    return { providerRef, checkoutUrl: simulatedCheckoutUrl(providerRef) };
  }

  async checkoutUrlOf(providerRef: string): Promise<string | null> {
    return simulatedCheckoutUrl(providerRef);
  }

  async readWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): Promise<PaymentUpdate> {
    if (!hasValidSignature(rawBody, headers)) throw new WebhookRejected(401, 'bad signature');
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new WebhookRejected(400, 'body is not JSON');
    }
    const { providerRef, status } = (body ?? {}) as Record<string, unknown>;
    if (typeof providerRef !== 'string' || !finalStatuses.includes(status as never)) {
      throw new WebhookRejected(400, 'body needs providerRef and a final status');
    }
    return { providerRef, status: status as PaymentUpdate['status'] };
  }

  async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    // Made from the payment, so asking twice gives the same refund, as a real provider's would.
    const refundRef = `sim_refund_${request.paymentId}`;
    logger.info(
      { paymentId: request.paymentId, refundRef, amountCents: request.amountCents },
      'the simulated bank refunds a payment (no money moves)',
    );
    return { refundRef };
  }
}

const simulatedCheckoutUrl = (providerRef: string) =>
  `${publicAppUrl()}${simulatedCheckoutPath}/${encodeURIComponent(providerRef)}`;

/** The body the simulated bank sends for a button press: what `verifyWebhook` reads. */
export function simulatedWebhookBody(update: PaymentUpdate): string {
  return JSON.stringify({ providerRef: update.providerRef, status: update.status });
}
