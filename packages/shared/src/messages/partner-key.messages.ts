import type { MessageTable } from './message-table.js';

/** A town's machine keys (docs/graphql.md, "Machine keys"): the back office's and the partner's. */
export const partnerKeyMessages = {
  PARTNER_KEY_BUDGET_SPENT: {
    nl: '{seconds, plural, one {Het budget van deze sleutel voor deze minuut is op. Probeer het over # seconde opnieuw.} other {Het budget van deze sleutel voor deze minuut is op. Probeer het over # seconden opnieuw.}}',
    en: "{seconds, plural, one {This key's budget for this minute is spent. Please try again in # second.} other {This key's budget for this minute is spent. Please try again in # seconds.}}",
  },
  PARTNER_KEY_SCOPES_INVALID: {
    nl: 'Kies minstens één bevoegdheid uit de lijst.',
    en: 'Choose at least one scope from the list.',
  },
  PARTNER_KEY_REVOKED: {
    nl: 'Deze sleutel is ingetrokken; maak een nieuwe.',
    en: 'This key has been revoked; create a new one.',
  },
} as const satisfies MessageTable;
