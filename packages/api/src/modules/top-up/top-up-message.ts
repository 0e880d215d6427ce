import { balanceUnits, type BalanceUnit } from '@parkeer/shared/balance-unit';
import { formatBalance } from '@parkeer/shared/format/balance';
import { localeOf, type Language } from '@parkeer/shared/language';
import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';

/** Parameters of the top-up refusals that are amounts in the parameter `unit`. */
const amountParams = new Set([
  'amount',
  'balance',
  'maxBalance',
  'limit',
  'used',
  'remaining',
  'requested',
]);
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isBalanceUnit(value: unknown): value is BalanceUnit {
  return (balanceUnits as readonly unknown[]).includes(value);
}

function formatLocalDate(date: string, language: Language): string {
  const [, year, month, day] = localDatePattern.exec(date)!;
  // A calendar date, not an instant: formatted at UTC so no time zone can move it a day.
  return new Intl.DateTimeFormat(localeOf[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}

/**
 * The refusal's parameters as a reader sees them: amounts as `200 u` or `€ 19,35`, dates as
 * `1 januari 2027`. The raw parameters stay what the API returns for programs.
 */
export function displayParams(params: MessageParams, language: Language): MessageParams {
  const unit = params.unit;
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' && isBalanceUnit(unit) && amountParams.has(name)) {
      shown[name] = formatBalance(value, unit, language);
    } else if (typeof value === 'string' && localDatePattern.test(value)) {
      shown[name] = formatLocalDate(value, language);
    } else {
      shown[name] = value;
    }
  }
  return shown;
}

export function refusalMessage(code: ErrorCode, params: MessageParams, language: Language): string {
  return errorMessage(code, language, displayParams(params, language));
}
