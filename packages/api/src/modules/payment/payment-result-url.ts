import { publicAppUrl } from '../auth/email-link.js';

/** The web app's page that shows how a payment ended: where the bank sends the browser back to. */
export const paymentResultUrl = (paymentId: string): string =>
  `${publicAppUrl()}/opwaarderen/resultaat?payment=${encodeURIComponent(paymentId)}`;
