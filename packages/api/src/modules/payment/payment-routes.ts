import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import express, { type Request, type Response } from 'express';
import { publicAppUrl } from '../auth/email-link.js';
import { WebhookRejected, type PaymentUpdate } from './payment-provider.js';
import { providerForWebhook, simulatedBank } from './payment-providers.js';
import { PaymentService, type ApplicationPaymentHandler } from './payment.service.js';
import { checkoutPage, messagePage } from './simulated-checkout-page.js';
import {
  type SimulatedIdealProvider,
  simulatedCheckoutPath,
  simulatedWebhookBody,
} from './simulated-ideal-provider.js';
import { signWebhookBody, signatureHeader } from './webhook-signature.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { logger } from '../../logging/logger.js';
import { LivePublisher } from '../session/live-publisher.js';

export const webhookPath = (slug: string) => `/webhooks/payments/${slug}`;

export interface PaymentRoutesOptions {
  readonly orm: MikroORM;
  readonly clock: () => Date;
  /** Tells the holder's open apps that the balance changed. */
  readonly pubSub: LivePubSub;
  /** Grants what a permit counter application's payment paid for (the counter's handler). */
  readonly applicationPayments?: ApplicationPaymentHandler | null;
}

/**
 * The address this very request came in on: the simulated bank posts its webhook there, so it
 * reaches this process whatever PUBLIC_URL or a proxy in front says.
 */
function ownAddress(req: Request): string {
  const host = req.socket.localAddress ?? '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}`;
}

/** Posts the signed webhook the simulated bank sends; false when it was not accepted. */
async function sendSimulatedWebhook(
  base: string,
  provider: SimulatedIdealProvider,
  update: PaymentUpdate,
): Promise<boolean> {
  try {
    const body = simulatedWebhookBody(update);
    const response = await fetch(base + webhookPath(provider.webhookSlug), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [signatureHeader]: signWebhookBody(body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok;
  } catch (error) {
    logger.error({ err: error }, 'the simulated bank could not deliver its webhook');
    return false;
  }
}

function sendHtml(res: Response, status: number, render: (nonce: string) => string): void {
  const nonce = randomBytes(16).toString('base64');
  const app = new URL(publicAppUrl()).origin;
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The address holds the payment's secret reference: keep it out of Referer headers.
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      // form-action covers the redirect after the form too, so the app's origin is allowed.
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self' ${app}; frame-ancestors 'none'; base-uri 'none'`,
    })
    .send(render(nonce));
}

/**
 * HTTP routes of payments, outside GraphQL: the configured provider's webhook and, only when the
 * simulated bank is the configured provider (development, demo mode), its pages. Mount before
 * the SPA fallback.
 */
export function paymentRoutes({
  orm,
  clock,
  pubSub,
  applicationPayments = null,
}: PaymentRoutesOptions): express.Router {
  const router = express.Router();

  router.post(
    webhookPath(':provider'),
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    express.raw({ type: () => true, limit: '64kb' }),
    async (req, res) => {
      const provider = providerForWebhook(String(req.params.provider));
      if (!provider) {
        res.status(404).json({ error: 'unknown payment provider' });
        return;
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let update;
      try {
        update = await provider.readWebhook(rawBody, req.headers);
      } catch (error) {
        if (error instanceof WebhookRejected) {
          res.status(error.httpStatus).json({ error: error.message });
          return;
        }
        // The provider could not be asked: a 503 makes it send the webhook again later.
        logger.error({ err: error, provider: provider.name }, 'payment webhook not processed');
        res.status(503).json({ error: 'try again later' });
        return;
      }
      // A credit's balance reaches the holder's open apps after the commit.
      const payments = new PaymentService(
        orm.em.fork(),
        new LivePublisher(pubSub).sink,
        applicationPayments,
      );
      const applied = update ? await payments.applyUpdate(provider.name, update, clock()) : null;
      if (!provider.webhookAnswerShowsOutcome) {
        // Any id, ours or not, changed or not: the same answer.
        res.status(200).end();
        return;
      }
      if (!applied) {
        res.status(404).json({ error: 'unknown payment' });
        return;
      }
      res.json({ payment: applied.paymentId, status: applied.status, changed: applied.changed });
    },
  );

  const simulated = simulatedBank();
  if (!simulated) {
    // Said plainly, also where the SPA would otherwise answer the address with its own page.
    router.all(`${simulatedCheckoutPath}/{*rest}`, (_req, res) => {
      res.status(404).json({ error: 'no simulated bank here' });
    });
    return router;
  }
  logger.warn('payments go through the SIMULATED bank: no money moves (development, demo mode)');

  router.get(`${simulatedCheckoutPath}/:ref`, async (req, res) => {
    const ref = String(req.params.ref);
    const view = await new PaymentService(orm.em.fork()).checkoutView(simulated.name, ref);
    if (!view) {
      sendHtml(res, 404, (nonce) =>
        messagePage('Betaling niet gevonden', 'Deze betaallink bestaat niet.', nonce),
      );
      return;
    }
    const links = { action: req.originalUrl, resultUrl: view.resultUrl };
    sendHtml(res, 200, (nonce) => checkoutPage(view, links, nonce));
  });

  router.post(
    `${simulatedCheckoutPath}/:ref`,
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req, res) => {
      const ref = String(req.params.ref);
      const action = (req.body as Record<string, unknown> | undefined)?.action;
      if (action !== 'paid' && action !== 'cancelled') {
        sendHtml(res, 400, (nonce) =>
          messagePage('Ongeldige keuze', 'Kies Betalen of Annuleren.', nonce),
        );
        return;
      }
      const view = await new PaymentService(orm.em.fork()).checkoutView(simulated.name, ref);
      if (!view) {
        sendHtml(res, 404, (nonce) =>
          messagePage('Betaling niet gevonden', 'Deze betaallink bestaat niet.', nonce),
        );
        return;
      }
      if (view.status === 'open') {
        // The bank tells the API, as a real provider does; the browser's word is never taken.
        const update = { providerRef: ref, status: action } as const;
        const delivered = await sendSimulatedWebhook(ownAddress(req), simulated, update);
        if (!delivered) {
          sendHtml(res, 502, (nonce) =>
            messagePage(
              'Betaling niet verwerkt',
              'De bank kon de uitkomst niet doorgeven. Probeer het opnieuw.',
              nonce,
              { href: req.originalUrl, label: 'Opnieuw proberen' },
            ),
          );
          return;
        }
      }
      res.redirect(303, view.resultUrl);
    },
  );

  return router;
}
