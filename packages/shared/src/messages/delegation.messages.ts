import type { MessageTable } from './message-table.js';

export const delegationMessages = {
  DELEGATION_NOT_ALLOWED: {
    nl: 'Dit product kan niet aan iemand anders worden gemachtigd.',
    en: 'This product cannot be delegated to someone else.',
  },
  DELEGATION_TO_SELF: {
    nl: 'U kunt uzelf niet machtigen.',
    en: 'You cannot delegate to yourself.',
  },
  DELEGATION_EMAIL_INVALID: {
    nl: 'Vul een geldig e-mailadres in.',
    en: 'Please enter a valid e-mail address.',
  },
  DELEGATION_AMOUNT_INVALID: {
    nl: 'Kies een tegoed van meer dan nul.',
    en: 'Choose an amount greater than zero.',
  },
  DELEGATION_INSUFFICIENT_BALANCE: {
    nl: 'Uw saldo is te laag om dit tegoed over te dragen.',
    en: 'Your balance is too low to hand over this amount.',
  },
  DELEGATION_ALREADY_ACCEPTED: {
    nl: 'Deze machtiging is al geaccepteerd.',
    en: 'This delegation has already been accepted.',
  },
  DELEGATION_ALREADY_EXISTS: {
    nl: 'Deze persoon heeft al een machtiging voor dit product. Trek die eerst in.',
    en: 'This person already has a delegation for this product. Revoke it first.',
  },
  DELEGATION_REVOKED: {
    nl: 'Deze machtiging is ingetrokken.',
    en: 'This delegation has been revoked.',
  },
} as const satisfies MessageTable;
