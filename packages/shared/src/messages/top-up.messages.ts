import type { MessageTable } from './message-table.js';

/**
 * Top-up, informal-care grants and refunds of unused balance (docs/rules.md §2, §4). Amounts in the
 * parameters are raw integers in the parameter `unit` ('minutes' or 'cents') and dates are
 * 'YYYY-MM-DD': format them (formatBalance, a date format) before filling a message.
 */
export const topUpMessages = {
  TOP_UP_DELEGATED_PRODUCT: {
    nl: 'U kunt geen tegoed opwaarderen voor een product dat aan u is gemachtigd.',
    en: 'You cannot top up a product that someone else delegated to you.',
  },
  TOP_UP_NO_PRICE: {
    nl: 'Voor uw soort vergunning in parkeergebied {zone} is geen tegoed te koop.',
    en: 'No balance is sold for your type of permit in parking zone {zone}.',
  },
  TOP_UP_CAP_REACHED: {
    nl: 'Voor deze periode is het niet meer mogelijk om uw tegoed op te waarderen omdat het maximum van {limit} bereikt is. Vanaf {nextPeriodStart} kunt u weer opwaarderen.',
    en: 'You can no longer top up your balance in this period because the maximum of {limit} has been reached. You can top up again from {nextPeriodStart}.',
  },
  TOP_UP_BALANCE_ABOVE_THRESHOLD: {
    nl: 'U kunt opwaarderen als uw saldo {maxBalance} of minder is. Uw saldo is nu {balance}.',
    en: 'You can top up when your balance is {maxBalance} or less. Your balance is now {balance}.',
  },
  TOP_UP_EXCEEDS_CAP: {
    nl: 'Met {amount} komt u boven het maximum: u kunt deze periode nog {remaining} opwaarderen. Vanaf {nextPeriodStart} begint een nieuwe periode.',
    en: 'Adding {amount} would exceed the maximum: you can top up {remaining} more in this period. A new period starts on {nextPeriodStart}.',
  },
  TOP_UP_AMOUNT_NOT_OFFERED: {
    nl: 'Opwaarderen met {amount} is niet mogelijk. Kies een van de getoonde mogelijkheden.',
    en: 'A top-up of {amount} is not available. Choose one of the options shown.',
  },
  CARE_GRANT_NOT_OFFERED: {
    nl: 'Op deze vergunning worden geen extra uren voor mantelzorg toegekend.',
    en: 'No extra informal-care hours are granted on this permit.',
  },
  CARE_GRANT_INVALID_AMOUNT: {
    nl: 'Vraag een hele hoeveelheid minuten aan die groter is dan nul.',
    en: 'Request a whole number of minutes greater than zero.',
  },
  CARE_GRANT_LIMIT_EXCEEDED: {
    nl: 'Per jaar kan maximaal {limit} voor mantelzorg worden toegekend. Dit jaar kan nog {remaining} worden toegekend; gevraagd is {requested}. Vanaf {nextPeriodStart} begint een nieuw jaar.',
    en: 'At most {limit} of informal-care time can be granted per year. This year {remaining} can still be granted; {requested} was requested. A new year starts on {nextPeriodStart}.',
  },
  REFUND_BALANCE_LAPSES: {
    nl: 'Ongebruikt tegoed vervalt als de vergunning eindigt en wordt niet terugbetaald.',
    en: 'Unused balance lapses when the permit ends and is not refunded.',
  },
  REFUND_OCCASION_NOT_COVERED: {
    nl: 'In deze situatie betaalt de gemeente ongebruikt tegoed niet terug.',
    en: 'The municipality does not refund unused balance in this situation.',
  },
} as const satisfies MessageTable;
