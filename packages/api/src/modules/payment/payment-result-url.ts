import { publicAppUrl } from '../auth/email-link.js';

/** The web app's page that shows how a payment ended: where the bank sends the browser back to. */
export const paymentResultUrl = (paymentId: string): string =>
  `${publicAppUrl()}/opwaarderen/resultaat?payment=${encodeURIComponent(paymentId)}`;

/**
 * The permit counter's page of an application: where the bank sends the browser back to after
 * paying for it, and where its status and letter are shown.
 */
export const applicationPageUrl = (applicationId: string): string =>
  `${publicAppUrl()}/loket/aanvraag/${encodeURIComponent(applicationId)}`;
