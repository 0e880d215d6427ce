import type { TFunction } from 'i18next';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Formats } from '../../app/ui/format.js';
import type { FieldChange } from './audit-diff.js';

/** What a value is shown with: the formats of the interface language and the entry's unit. */
export interface ValueContext {
  readonly t: TFunction;
  readonly formats: Formats;
  /** What the subject's balance counts (the product's unit); null: not known for this subject. */
  readonly balanceUnit: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isUnit = (value: unknown): value is BalanceUnit => value === 'minutes' || value === 'cents';

/** Fields counted in the product's balance unit (docs/rules.md §4): minutes or euro cents. */
const balanceFields = new Set([
  'balance',
  'maxBalanceForTopUp',
  'refundedAmount',
  'unitAmount',
  'blockSize',
  'presets',
]);
/** Fields that are minutes since local midnight in a zone's regime (docs/rules.md §3). */
const clockFields = new Set(['from', 'to']);
const weekdayFields = new Set(['weekday', 'invalidWeekdays']);

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const localDate = /^\d{4}-\d{2}-\d{2}$/;

/** camelCase as words, for a field that has no label of its own: 'sessionsCredited' → 'sessions credited'. */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** A field's readable name, e.g. 'Sessieregels › Maximale parkeerduur'. */
export function fieldLabel(path: readonly string[], t: TFunction, whole: string): string {
  if (path.length === 0) return whole;
  return path
    .map((key) =>
      /^\d+$/.test(key) ? key : t(`audit.fields.${key}`, { defaultValue: words(key) }),
    )
    .join(' › ');
}

/** The unit the field at `path` counts in: a `unit` beside it (a top-up policy's) or the entry's. */
export function unitAt(
  change: FieldChange,
  before: unknown,
  after: unknown,
  entryUnit: string | null,
): BalanceUnit | null {
  for (const root of [after, before]) {
    let node: unknown = root;
    for (const key of change.path.slice(0, -1)) node = isObject(node) ? node[key] : undefined;
    if (isObject(node) && isUnit(node.unit)) return node.unit;
  }
  return isUnit(entryUnit) ? entryUnit : null;
}

function weekdayName(weekday: number, language: string): string {
  // 1 January 2024 was a Monday: ISO weekday n is that date plus n - 1 days.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** A time window of a regime: minutes since midnight, perhaps on a weekday, and nothing else. */
const isWindow = (
  value: Record<string, unknown>,
): value is { from: number; to: number; weekday?: unknown } =>
  typeof value.from === 'number' &&
  typeof value.to === 'number' &&
  Object.keys(value).every((key) => key === 'from' || key === 'to' || key === 'weekday');

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A stored value as an admin reads it: times on the town's clock, minutes as hours and minutes,
 * cents as euros, yes/no, and objects in lists as their fields.
 */
export function displayValue(
  key: string | undefined,
  value: unknown,
  unit: BalanceUnit | null,
  context: ValueContext,
): string {
  const { t, formats } = context;
  if (value === null || value === undefined) return t('audit.nothing');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit.none');
    return value.map((item) => displayValue(key, item, unit, context)).join(', ');
  }
  if (isObject(value) && isWindow(value)) {
    // A regime's time window (docs/rules.md §3): 'zondag 12:00–17:00'.
    const span = `${clock(value.from)}–${clock(value.to)}`;
    const day = value.weekday;
    return typeof day === 'number' ? `${weekdayName(day, formats.language)} ${span}` : span;
  }
  if (isObject(value)) {
    const innerUnit = isUnit(value.unit) ? value.unit : unit;
    return Object.entries(value)
      .map(
        ([inner, item]) =>
          `${fieldLabel([inner], t, inner)}: ${displayValue(inner, item, innerUnit, context)}`,
      )
      .join('; ');
  }
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'number' && key !== undefined && Number.isSafeInteger(value)) {
    if (/cents/i.test(key)) {
      const money = formats.money(value);
      return key === 'centsPerHour' ? t('audit.perHour', { amount: money }) : money;
    }
    if (/minutes/i.test(key)) return formats.duration(value);
    if (balanceFields.has(key) && unit) return formats.balance(value, unit);
    if (clockFields.has(key) && value >= 0 && value <= 24 * 60) return clock(value);
    if (weekdayFields.has(key) && value >= 1 && value <= 7) {
      return weekdayName(value, formats.language);
    }
  }
  if (typeof value === 'string') {
    if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) {
      return `${formats.date(value)} ${formats.time(value)}`;
    }
    // Noon UTC is the same date on the town's clock.
    if (localDate.test(value)) return formats.date(`${value}T12:00:00Z`);
    // Choices such as 'blocked' or 'endOfDay' have words of their own.
    if (/^[a-zA-Z]+$/.test(value)) return t(`audit.values.${value}`, { defaultValue: value });
  }
  return String(value);
}
