import type { MessageTable } from './message-table.js';

/** Apps acting for a resident: consent, connected apps, registration (docs/graphql.md). */
export const appAccessMessages = {
  APP_AUTHORIZATION_NOT_FOUND: {
    nl: 'Deze koppeling is verlopen of in een andere browser gestart. Ga terug naar de app en probeer het opnieuw.',
    en: 'This connection request has expired or was started in another browser. Go back to the app and try again.',
  },
  APP_AUTHORIZATION_NO_PRODUCTS: {
    nl: 'U heeft nog geen product om een app aan te koppelen.',
    en: 'You have no product yet to connect an app to.',
  },
  PARTNER_APP_REDIRECT_URI_INVALID: {
    nl: 'Een terugkeeradres moet met https:// beginnen (buiten productie mag ook http://localhost of http://127.0.0.1).',
    en: 'A redirect URI must start with https:// (outside production http://localhost or http://127.0.0.1 is allowed too).',
  },
  PARTNER_APP_SCOPE_UNKNOWN: {
    nl: 'Kies alleen bevoegdheden uit de lijst.',
    en: 'Choose only permissions from the list.',
  },
  WEBHOOK_URL_NOT_ALLOWED: {
    nl: 'Een webhookadres moet met https:// beginnen en mag niet naar een intern of privé-adres wijzen (buiten productie mag ook http://localhost of http://127.0.0.1).',
    en: 'A webhook URL must start with https:// and must not point to an internal or private address (outside production http://localhost or http://127.0.0.1 is allowed too).',
  },
  WEBHOOK_NOT_FAILED: {
    nl: 'Alleen een mislukte of geannuleerde webhook kan opnieuw worden verstuurd.',
    en: 'Only a failed or cancelled webhook can be sent again.',
  },
} as const satisfies MessageTable;
