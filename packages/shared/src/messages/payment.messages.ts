import type { MessageTable } from './message-table.js';

/** Paying for a top-up: what the top-up rules of `top-up.messages.ts` do not cover. */
export const paymentMessages = {
  TOP_UP_NOT_AVAILABLE: {
    nl: 'Voor dit product kunt u geen tegoed opwaarderen.',
    en: 'This product cannot be topped up.',
  },
  TOP_UP_IDEMPOTENCY_KEY_INVALID: {
    nl: 'De opdracht mist een geldige sleutel (1 tot {maxLength} tekens). Vernieuw de pagina en probeer het opnieuw.',
    en: 'The request lacks a valid key (1 to {maxLength} characters). Refresh the page and try again.',
  },
  PAYMENT_PROVIDER_UNAVAILABLE: {
    nl: 'De betaalpagina kan nu niet worden geopend. Probeer het later opnieuw; er is niets afgeschreven.',
    en: 'The payment page cannot be opened right now. Please try again later; nothing has been charged.',
  },
} as const satisfies MessageTable;
