import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { formatBalance } from '@parkeer/shared/format/balance';
import { formatDuration } from '@parkeer/shared/format/duration';
import { formatMoney } from '@parkeer/shared/format/money';
import { localeOf, type Language } from '@parkeer/shared/language';
import { currentLanguage } from '../i18n.js';

/** Local times are the municipalities' (docs/rules.md §3: Europe/Amsterdam), whatever the device says. */
export const displayTimeZone = 'Europe/Amsterdam';

export interface Formats {
  readonly language: Language;
  balance(amount: number, unit: BalanceUnit | string): string;
  money(cents: number): string;
  duration(minutes: number): string;
  /** Day and time, e.g. "ma 23 nov 10:00". */
  dateTime(iso: string | Date): string;
  time(iso: string | Date): string;
  date(iso: string | Date): string;
}

export function formatsFor(language: Language): Formats {
  const locale = localeOf[language];
  const dateTime = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: displayTimeZone,
  });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: displayTimeZone,
  });
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: displayTimeZone,
  });
  const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  return {
    language,
    balance: (amount, unit) => formatBalance(amount, unit as BalanceUnit, language),
    money: (cents) => formatMoney(cents, language),
    duration: (minutes) => formatDuration(minutes, language),
    dateTime: (value) => dateTime.format(asDate(value)),
    time: (value) => time.format(asDate(value)),
    date: (value) => date.format(asDate(value)),
  };
}

/** Formats in the interface language (money and durations from @parkeer/shared). */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return useMemo(() => formatsFor(language), [language]);
}
