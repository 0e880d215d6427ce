import { publicAppUrl } from '../auth/email-link.js';

/** The web app's page that shows how a payment ended: where the bank sends the browser back to. */
const paymentResultUrl = (paymentId: string): string =>
  `${publicAppUrl()}/opwaarderen/resultaat?payment=${encodeURIComponent(paymentId)}`;

/**
 * Where the bank sends a top-up back to: for a registration number + PIN login its one-permit
 * home, which shows how the payment ended (docs/rules.md §6); else the result page.
 */
export const topUpResultUrl = (payment: {
  readonly id: string;
  readonly byRegistrationLogin: boolean;
}): string =>
  payment.byRegistrationLogin
    ? `${publicAppUrl()}/inloggen-met-pincode?payment=${encodeURIComponent(payment.id)}`
    : paymentResultUrl(payment.id);

/**
 * The permit counter's page of an application: where the bank sends the browser back to after
 * paying for it, and where its status and letter are shown.
 */
export const applicationPageUrl = (applicationId: string): string =>
  `${publicAppUrl()}/loket/aanvraag/${encodeURIComponent(applicationId)}`;
