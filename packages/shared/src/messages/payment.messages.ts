import type { MessageTable } from './message-table.js';

/** Paying for a top-up: what the top-up rules of `top-up.messages.ts` do not cover. */
export const paymentMessages = {
  TOP_UP_NOT_AVAILABLE: {
    nl: 'Voor dit product kunt u geen tegoed opwaarderen.',
    en: 'This product cannot be topped up.',
  },
  TOP_UP_NOT_WITH_REGISTRATION_LOGIN: {
    nl: 'Opwaarderen kan niet met het registratienummer en de pincode. Log in met uw account om tegoed te kopen.',
    en: 'Topping up is not possible with the registration number and PIN. Sign in with your account to buy balance.',
  },
  PAYMENT_PROVIDER_UNAVAILABLE: {
    nl: 'De betaalpagina kan nu niet worden geopend. Probeer het later opnieuw; er is niets afgeschreven.',
    en: 'The payment page cannot be opened right now. Please try again later; nothing has been charged.',
  },
} as const satisfies MessageTable;
