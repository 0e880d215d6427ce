import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { PaymentMethod } from '@mollie/api-client';

/**
 * A small stand-in for Mollie's v2 API on loopback, speaking the JSON shapes `@mollie/api-client`
 * reads: create and get a payment, create and list its refunds. A test plays the customer
 * (`setStatus`) and Mollie's webhook call (`deliverWebhook`, a form body with only the id).
 *
 * HTTPS, because the client always sends its requests through an `https.Agent` (an http:// API
 * address fails with "Protocol http: not supported"), and that agent trusts only the CA bundle
 * built into the client: a test that talks to the fake turns certificate checks off for its own
 * process (`NODE_TLS_REJECT_UNAUTHORIZED=0`, see `trustFakeMollie`). The key is a test fixture.
 */

export type MollieStatus =
  'open' | 'pending' | 'authorized' | 'paid' | 'canceled' | 'expired' | 'failed';

interface Amount {
  currency: string;
  value: string;
}

export interface FakePayment {
  id: string;
  status: MollieStatus;
  amount: Amount;
  description: string;
  redirectUrl: string;
  webhookUrl: string | null;
  metadata: unknown;
  method: string | null;
  locale: string | null;
  createdAt: string;
}

export interface FakeRefund {
  id: string;
  paymentId: string;
  amount: Amount;
  description: string;
  metadata: unknown;
  status: 'queued' | 'pending' | 'processing' | 'refunded' | 'failed' | 'canceled';
  createdAt: string;
  /** The Idempotency-Key header the refund was created with. */
  idempotencyKey: string | null;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  readonly body: unknown;
}

export interface FakeMollie {
  /** The API base to configure as MOLLIE_API_URL, e.g. https://127.0.0.1:1234/v2. */
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly payments: Map<string, FakePayment>;
  readonly refunds: FakeRefund[];
  /** Every request the fake answered, oldest first. */
  readonly requests: FakeRequest[];
  /** What the customer did at the bank. */
  setStatus(paymentId: string, status: MollieStatus): void;
  /** Leaves the next `count` requests unanswered, as a Mollie that hangs. */
  hangRequests(count: number): void;
  /** Answers the next `count` create-refund calls with Mollie's 422, as for a refused refund. */
  refuseRefunds(count: number): void;
  /** As Mollie does after a while: a repeated key is a new request again. */
  forgetIdempotencyKeys(): void;
  /** Posts `id=<paymentId>` to the payment's webhook URL, as Mollie does; the response status. */
  deliverWebhook(paymentId: string): Promise<number>;
  close(): Promise<void>;
}

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/fake-mollie.${name}.pem`, import.meta.url));

/** Lets this test process talk to the fake's self-signed HTTPS; the returned function undoes it. */
export function trustFakeMollie(): () => void {
  const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return () => {
    if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
  };
}

/** The methods Mollie knows (`ideal`, `creditcard`, …): one, or a list to choose from. */
const mollieMethods = new Set<string>(Object.values(PaymentMethod));
const validMethod = (method: unknown) =>
  method === undefined ||
  method === null ||
  (typeof method === 'string' && mollieMethods.has(method)) ||
  (Array.isArray(method) &&
    method.length > 0 &&
    method.every((one) => typeof one === 'string' && mollieMethods.has(one)));

const token = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;
const amountPattern = /^\d+\.\d{2}$/;
const cents = (amount: Amount) => Math.round(Number(amount.value) * 100);
const asAmount = (centsValue: number): Amount => ({
  currency: 'EUR',
  value: (centsValue / 100).toFixed(2),
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/hal+json' });
  res.end(JSON.stringify(body));
}

/** Mollie's error document. */
function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  send(res, status, {
    status,
    title,
    detail,
    _links: { documentation: { href: 'https://docs.mollie.com/errors', type: 'text/html' } },
  });
}

export async function startFakeMollie(): Promise<FakeMollie> {
  const apiKey = `test_${randomBytes(15).toString('hex')}`;
  const payments = new Map<string, FakePayment>();
  const refunds: FakeRefund[] = [];
  const requests: FakeRequest[] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  let refusals = 0;
  let hangs = 0;
  let base = '';

  const paymentJson = (payment: FakePayment) => {
    const refunded = refunds
      .filter((refund) => refund.paymentId === payment.id && refund.status !== 'failed')
      .reduce((sum, refund) => sum + cents(refund.amount), 0);
    return {
      resource: 'payment',
      id: payment.id,
      mode: 'test',
      createdAt: payment.createdAt,
      amount: payment.amount,
      description: payment.description,
      method: payment.method,
      metadata: payment.metadata,
      status: payment.status,
      isCancelable: false,
      locale: payment.locale,
      profileId: 'pfl_fake',
      sequenceType: 'oneoff',
      redirectUrl: payment.redirectUrl,
      webhookUrl: payment.webhookUrl,
      ...(payment.status === 'paid'
        ? {
            paidAt: new Date().toISOString(),
            amountRefunded: asAmount(refunded),
            amountRemaining: asAmount(cents(payment.amount) - refunded),
          }
        : {}),
      _links: {
        self: { href: `${base}/payments/${payment.id}`, type: 'application/hal+json' },
        ...(payment.status === 'open'
          ? {
              checkout: {
                href: `https://www.mollie.com/checkout/select-method/${payment.id.slice(3)}`,
                type: 'text/html',
              },
            }
          : {}),
        dashboard: {
          href: `https://www.mollie.com/dashboard/payments/${payment.id}`,
          type: 'text/html',
        },
      },
    };
  };
  const refundJson = (refund: FakeRefund) => ({
    resource: 'refund',
    id: refund.id,
    mode: 'test',
    amount: refund.amount,
    status: refund.status,
    createdAt: refund.createdAt,
    description: refund.description,
    metadata: refund.metadata,
    paymentId: refund.paymentId,
    _links: {
      self: {
        href: `${base}/payments/${refund.paymentId}/refunds/${refund.id}`,
        type: 'application/hal+json',
      },
      payment: { href: `${base}/payments/${refund.paymentId}`, type: 'application/hal+json' },
    },
  });

  const createPayment = (body: Record<string, unknown>) => {
    const amount = body.amount as Amount | undefined;
    if (!amount || amount.currency !== 'EUR' || !amountPattern.test(String(amount.value))) {
      return { status: 422, title: 'amount', detail: 'The amount is invalid' };
    }
    if (typeof body.description !== 'string' || body.description.length > 255) {
      return { status: 422, title: 'description', detail: 'The description is invalid' };
    }
    if (typeof body.redirectUrl !== 'string') {
      return { status: 422, title: 'redirectUrl', detail: 'The redirect URL is missing' };
    }
    if (!validMethod(body.method)) {
      return { status: 422, title: 'method', detail: 'The payment method is invalid' };
    }
    const payment: FakePayment = {
      id: token('tr'),
      status: 'open',
      amount: { currency: amount.currency, value: amount.value },
      description: body.description,
      redirectUrl: body.redirectUrl,
      webhookUrl: typeof body.webhookUrl === 'string' ? body.webhookUrl : null,
      metadata: body.metadata ?? null,
      // A single method is the payment's method at once; a list is chosen from at checkout.
      method: typeof body.method === 'string' ? body.method : null,
      locale: typeof body.locale === 'string' ? body.locale : null,
      createdAt: new Date().toISOString(),
    };
    payments.set(payment.id, payment);
    return { status: 201, body: paymentJson(payment) };
  };

  const createRefund = (
    payment: FakePayment,
    body: Record<string, unknown>,
    idempotencyKey: string | null,
  ) => {
    if (refusals > 0) {
      refusals--;
      return { status: 422, title: 'Unprocessable Entity', detail: 'Refunds are paused' };
    }
    const amount = body.amount as Amount | undefined;
    if (!amount || amount.currency !== 'EUR' || !amountPattern.test(String(amount.value))) {
      return { status: 422, title: 'amount', detail: 'The amount is invalid' };
    }
    const refunded = refunds
      .filter((refund) => refund.paymentId === payment.id && refund.status !== 'failed')
      .reduce((sum, refund) => sum + cents(refund.amount), 0);
    if (payment.status !== 'paid' || cents(amount) > cents(payment.amount) - refunded) {
      return {
        status: 422,
        title: 'Unprocessable Entity',
        detail: 'The amount is higher than the amount that can be refunded',
      };
    }
    const refund: FakeRefund = {
      id: token('re'),
      paymentId: payment.id,
      amount: { currency: amount.currency, value: amount.value },
      description: typeof body.description === 'string' ? body.description : '',
      metadata: body.metadata ?? null,
      status: 'pending',
      createdAt: new Date().toISOString(),
      idempotencyKey,
    };
    refunds.push(refund);
    return { status: 201, body: refundJson(refund) };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://fake');
    const text = await readBody(req);
    let body: Record<string, unknown> = {};
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        problem(res, 400, 'Bad Request', 'The body is not JSON');
        return;
      }
    }
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey, body });
    if (hangs > 0) {
      hangs--;
      return;
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      problem(
        res,
        401,
        'Unauthorized Request',
        'Missing authentication, or failed to authenticate',
      );
      return;
    }
    // Mollie replays the stored answer of a POST it has seen with the same key.
    const replayKey =
      req.method === 'POST' && idempotencyKey ? `${url.pathname} ${idempotencyKey}` : null;
    const stored = replayKey ? replies.get(replayKey) : undefined;
    if (stored) {
      send(res, stored.status, stored.body);
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean);
    let reply: { status: number; body?: unknown; title?: string; detail?: string };
    if (parts[0] !== 'v2' || parts[1] !== 'payments') {
      reply = { status: 404, title: 'Not Found', detail: 'No such endpoint' };
    } else if (parts.length === 2 && req.method === 'POST') {
      reply = createPayment(body);
    } else {
      const payment = payments.get(parts[2] ?? '');
      if (!payment) {
        reply = {
          status: 404,
          title: 'Not Found',
          detail: `No payment exists with token ${parts[2]}.`,
        };
      } else if (parts.length === 3 && req.method === 'GET') {
        reply = { status: 200, body: paymentJson(payment) };
      } else if (parts.length === 4 && parts[3] === 'refunds' && req.method === 'POST') {
        reply = createRefund(payment, body, idempotencyKey);
      } else if (parts.length === 4 && parts[3] === 'refunds' && req.method === 'GET') {
        const own = refunds.filter((refund) => refund.paymentId === payment.id);
        reply = {
          status: 200,
          body: {
            count: own.length,
            _embedded: { refunds: own.map(refundJson) },
            _links: {
              self: {
                href: `${base}/payments/${payment.id}/refunds`,
                type: 'application/hal+json',
              },
              previous: null,
              next: null,
            },
          },
        };
      } else {
        reply = { status: 404, title: 'Not Found', detail: 'No such endpoint' };
      }
    }
    if (reply.body === undefined) {
      problem(res, reply.status, reply.title ?? 'Error', reply.detail ?? '');
      return;
    }
    if (replayKey) replies.set(replayKey, { status: reply.status, body: reply.body });
    send(res, reply.status, reply.body);
  };

  const server: Server = createServer(
    { key: fixture('key'), cert: fixture('cert') },
    (req, res) => {
      handle(req, res).catch((error: unknown) => problem(res, 500, 'Internal', String(error)));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;

  return {
    apiUrl: base,
    apiKey,
    payments,
    refunds,
    requests,
    setStatus(paymentId, status) {
      const payment = payments.get(paymentId);
      if (!payment) throw new Error(`the fake has no payment ${paymentId}`);
      payment.status = status;
    },
    hangRequests(count) {
      hangs = count;
    },
    refuseRefunds(count) {
      refusals = count;
    },
    forgetIdempotencyKeys() {
      replies.clear();
    },
    async deliverWebhook(paymentId) {
      const webhookUrl = payments.get(paymentId)?.webhookUrl;
      if (!webhookUrl) throw new Error(`payment ${paymentId} has no webhook URL`);
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id: paymentId }).toString(),
      });
      await response.arrayBuffer();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
