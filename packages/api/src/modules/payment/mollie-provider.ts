import type { IncomingHttpHeaders } from 'node:http';
import {
  createMollieClient,
  Locale,
  MollieApiError,
  PaymentMethod,
  PaymentStatus as MollieStatus,
  RefundStatus,
  type MollieClient,
} from '@mollie/api-client';
import { config } from '../../config/config.js';
import { publicAppUrl } from '../auth/email-link.js';
import {
  WebhookRejected,
  type Checkout,
  type CheckoutRequest,
  type PaymentProvider,
  type PaymentUpdate,
  type RefundRequest,
} from './payment-provider.js';

/** Mollie's payment ids, e.g. tr_WDqYK6vllg; anything else is not a webhook of Mollie's. */
const mollieIdPattern = /^tr_[A-Za-z0-9]{1,64}$/;

/** Mollie's outcomes as ours; open, pending and authorized are not an outcome yet. */
const outcomes: Partial<Record<MollieStatus, PaymentUpdate['status']>> = {
  [MollieStatus.paid]: 'paid',
  [MollieStatus.canceled]: 'cancelled',
  [MollieStatus.expired]: 'expired',
  [MollieStatus.failed]: 'failed',
};

/** Our payment methods as Mollie names them (its `method` parameter of a new payment). */
const mollieMethods: Record<CheckoutRequest['method'], PaymentMethod> = {
  ideal: PaymentMethod.ideal,
  card: PaymentMethod.creditcard,
};

/** Mollie's amount: a string with two decimals, never a float. */
export function mollieAmount(cents: number): { currency: 'EUR'; value: string } {
  const euros = Math.floor(cents / 100);
  return { currency: 'EUR', value: `${euros}.${String(cents % 100).padStart(2, '0')}` };
}

export class ProviderTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`Mollie did not answer ${what} within ${ms} ms`);
    this.name = 'ProviderTimeout';
  }
}

/**
 * The Mollie client has no timeout of its own: a call that hangs would hold a resident's request
 * or the job worker. The call itself cannot be aborted; its answer is ignored after the limit.
 */
function withinLimit<T>(what: string, call: Promise<T>): Promise<T> {
  const ms = config().PAYMENT_PROVIDER_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderTimeout(what, ms)), ms);
  });
  return Promise.race([call, limit]).finally(() => clearTimeout(timer));
}

/**
 * iDEAL or a card through Mollie (`@mollie/api-client`). Mollie's webhook is not signed and carries only
 * the payment's id: the status is always fetched back from Mollie with our API key, so a forged
 * call can at most make us ask Mollie about a payment.
 */
export class MollieProvider implements PaymentProvider {
  readonly name = 'mollie';
  readonly webhookSlug = 'mollie';
  readonly webhookAnswerShowsOutcome = false;
  private readonly client: MollieClient;

  constructor() {
    const { MOLLIE_API_KEY, MOLLIE_API_URL } = config();
    if (!MOLLIE_API_KEY) throw new Error('MOLLIE_API_KEY is not set');
    this.client = createMollieClient({ apiKey: MOLLIE_API_KEY, apiEndpoint: MOLLIE_API_URL });
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const payment = await withinLimit(
      'opening a payment',
      this.client.payments.create({
        amount: mollieAmount(request.totalCents),
        description: request.description,
        redirectUrl: request.redirectUrl,
        webhookUrl: `${publicAppUrl()}/webhooks/payments/${this.webhookSlug}`,
        metadata: { paymentId: request.paymentId },
        method: mollieMethods[request.method],
        locale: request.language === 'nl' ? Locale.nl_NL : Locale.en_US,
        // A retried start of the same payment opens it once at Mollie too.
        idempotencyKey: `checkout-${request.paymentId}`,
      }),
    );
    const checkoutUrl = payment.getCheckoutUrl();
    if (!checkoutUrl) throw new Error(`Mollie gave payment ${payment.id} no checkout address`);
    return { providerRef: payment.id, checkoutUrl };
  }

  async checkoutUrlOf(providerRef: string): Promise<string | null> {
    const payment = await withinLimit('reading a payment', this.client.payments.get(providerRef));
    return payment.getCheckoutUrl();
  }

  async readWebhook(rawBody: Buffer, _headers: IncomingHttpHeaders): Promise<PaymentUpdate | null> {
    // Form-encoded `id=tr_…` and nothing else is used: a status in the request is ignored.
    const id = new URLSearchParams(rawBody.toString('utf8')).get('id');
    if (!id || !mollieIdPattern.test(id)) throw new WebhookRejected(400, 'body needs id=tr_…');
    let payment;
    try {
      payment = await withinLimit('reading a payment', this.client.payments.get(id));
    } catch (error) {
      // Not Mollie's: answered like any other id, so probing tells nothing.
      if (error instanceof MollieApiError && error.statusCode === 404) return null;
      throw error;
    }
    const status = outcomes[payment.status];
    return status ? { providerRef: payment.id, status } : null;
  }

  async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    const { providerRef, paymentId } = request;
    // Mollie keeps idempotency keys for about an hour; a retry after that must find the refund
    // made before instead of making a second one.
    const earlier = await withinLimit(
      'listing refunds',
      this.client.paymentRefunds.page({ paymentId: providerRef }),
    );
    const made = earlier.find(
      (refund) =>
        (refund.metadata as { paymentId?: unknown } | null)?.paymentId === paymentId &&
        refund.status !== RefundStatus.failed &&
        refund.status !== RefundStatus.canceled,
    );
    if (made) return { refundRef: made.id };
    const refund = await withinLimit(
      'refunding a payment',
      this.client.paymentRefunds.create({
        paymentId: providerRef,
        amount: mollieAmount(request.amountCents),
        description: request.description,
        metadata: { paymentId },
        idempotencyKey: `refund-${paymentId}`,
      }),
    );
    return { refundRef: refund.id };
  }
}
