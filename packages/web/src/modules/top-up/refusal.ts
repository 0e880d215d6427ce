import {
  errorMessage,
  isErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import type { Formats } from '../../app/ui/format.js';

/** Parameters of the top-up refusals that are amounts in the parameter `unit` (or the product's). */
const amountParams = new Set(['amount', 'balance', 'maxBalance', 'limit', 'used', 'remaining']);
const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

const isUnit = (value: unknown): value is 'minutes' | 'cents' =>
  value === 'minutes' || value === 'cents';

/**
 * A calendar date (YYYY-MM-DD) as an instant on that day: noon UTC falls on the same date in
 * Amsterdam all year, so the Amsterdam-clock date format cannot move it a day.
 */
export function instantOnDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * A refusal's raw parameters as a resident reads them: amounts as `60 u` or `€ 105,00` (in the
 * refusal's own `unit`, which for a money cap differs from the product's), dates as `1 januari
 * 2027`. Anything else is passed on as it came.
 */
export function displayParams(
  params: Readonly<Record<string, unknown>>,
  productUnit: string | null,
  format: Formats,
): MessageParams {
  const unit = isUnit(params.unit) ? params.unit : isUnit(productUnit) ? productUnit : null;
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' && unit && amountParams.has(name)) {
      shown[name] = format.balance(value, unit);
    } else if (typeof value === 'string' && localDatePattern.test(value)) {
      shown[name] = format.date(instantOnDate(value));
    } else if (typeof value === 'string' || typeof value === 'number') {
      shown[name] = value;
    }
  }
  return shown;
}

/**
 * Why no top-up is possible, in the interface language: the shared catalogue's message with the
 * parameters formatted here; the API's own sentence only for a code this app does not know yet.
 */
export function refusalText(
  refusal: { code: string; message: string; params: Readonly<Record<string, unknown>> },
  productUnit: string | null,
  format: Formats,
): string {
  if (!isErrorCode(refusal.code)) return refusal.message;
  return errorMessage(
    refusal.code,
    format.language,
    displayParams(refusal.params, productUnit, format),
  );
}
