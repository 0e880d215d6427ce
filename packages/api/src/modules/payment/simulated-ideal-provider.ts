import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { publicAppUrl } from '../auth/email-link.js';
import type { Payment } from './payment.entity.js';
import {
  WebhookRejected,
  type Checkout,
  type PaymentProvider,
  type PaymentUpdate,
} from './payment-provider.js';
import { hasValidSignature, webhookSecret } from './webhook-signature.js';

export const simulatedCheckoutPath = '/betalen/simulatie';

const finalStatuses = ['paid', 'cancelled', 'failed', 'expired'] as const;

/**
 * iDEAL without a bank, for demos and tests: the API serves the "bank" page itself, and pressing
 * a button there makes the API send itself the signed webhook a real provider would send.
 */
export class SimulatedIdealProvider implements PaymentProvider {
  readonly name = 'simulatedIdeal';
  readonly webhookSlug = 'simulated-ideal';

  async createCheckout(_payment: Payment): Promise<Checkout> {
    // Without a secret the bank page could not report back: open no payment that cannot finish.
    if (!webhookSecret()) throw new Error('PAYMENT_WEBHOOK_SECRET is not set');
    // Unguessable: whoever has the checkout address can pay or cancel, as with a real iDEAL link.
    const providerRef = `sim_${randomBytes(18).toString('base64url')}`;
    return { providerRef, checkoutUrl: await this.checkoutUrlOf(providerRef) };
  }

  async checkoutUrlOf(providerRef: string): Promise<string> {
    return `${publicAppUrl()}${simulatedCheckoutPath}/${encodeURIComponent(providerRef)}`;
  }

  verifyWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): PaymentUpdate {
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
}

/** The body the simulated bank sends for a button press: what `verifyWebhook` reads. */
export function simulatedWebhookBody(update: PaymentUpdate): string {
  return JSON.stringify({ providerRef: update.providerRef, status: update.status });
}
