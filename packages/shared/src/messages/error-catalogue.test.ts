import { readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { languages } from '../language.js';
import { argumentNames, countArgument, countsOutsidePlurals } from './count-arguments.js';
import { errorCatalogue, errorMessage, isErrorCode } from './error-catalogue.js';

const entries = Object.entries(errorCatalogue);

describe('error catalogue', () => {
  it('has a non-empty Dutch and English message for every code', () => {
    for (const [code, message] of entries) {
      for (const language of languages) {
        expect(message[language].trim(), `${code}.${language}`).not.toBe('');
      }
      expect(message.nl, `${code} is translated`).not.toBe(message.en);
    }
  });

  it('is ICU MessageFormat with the same arguments in both languages', () => {
    for (const [code, message] of entries) {
      const [nl, en] = [message.nl, message.en].map((text) => parse(text, { ignoreTag: true }));
      expect(argumentNames(en!), code).toEqual(argumentNames(nl!));
    }
  });

  it('shows every count in a plural (docs/architecture.md §Strings)', () => {
    const wrong = entries.flatMap(([code, message]) =>
      languages
        .filter((language) => countsOutsidePlurals(parse(message[language])).length > 0)
        .map((language) => `${code}.${language}`),
    );
    expect(wrong).toEqual([]);
  });

  it('says one and more in words that fit', () => {
    expect(errorMessage('SESSION_OVER_MAX_DURATION', 'nl', { maxMinutes: 1 })).toBe(
      'Uw bezoek mag maximaal 1 minuut parkeren.',
    );
    expect(errorMessage('SESSION_OVER_MAX_DURATION', 'nl', { maxMinutes: 5 })).toBe(
      'Uw bezoek mag maximaal 5 minuten parkeren.',
    );
    expect(errorMessage('SESSION_OVER_MAX_DURATION', 'en', { maxMinutes: 1 })).toBe(
      'Your visitor may park for at most 1 minute.',
    );
    expect(errorMessage('SETTINGS_INVALID', 'nl', { count: 1 })).toBe(
      'Niet alle instellingen zijn geldig (1 fout); er is niets opgeslagen.',
    );
    expect(errorMessage('SETTINGS_INVALID', 'nl', { count: 2 })).toBe(
      'Niet alle instellingen zijn geldig (2 fouten); er is niets opgeslagen.',
    );
    expect(errorMessage('SETTINGS_INVALID', 'en', { count: 2 })).toBe(
      'Not every setting is valid (2 problems); nothing was saved.',
    );
    expect(errorMessage('RATE_LIMITED', 'en', { minutes: 1 })).toBe(
      'Too many attempts. Please try again in 1 minute.',
    );
  });

  it('fills arguments, keeps a missing one visible and defaults to Dutch', () => {
    expect(errorMessage('FORBIDDEN')).toBe(errorCatalogue.FORBIDDEN.nl);
    expect(errorMessage('NOT_FOUND', 'en')).toBe('Not found.');
    expect(errorMessage('PLATE_TOO_LONG', 'en', { max: 8 })).toContain(' 8 ');
    expect(errorMessage('PLATE_TOO_LONG', 'en')).toContain('{max}');
  });

  it('recognises its own codes only', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

describe('the rule for counts', () => {
  it('names counts and leaves other numbers alone', () => {
    for (const name of ['count', 'minutes', 'maxMinutes', 'months', 'sessionCount', 'maxDays']) {
      expect(countArgument.test(name), name).toBe(true);
    }
    for (const name of ['n', 'amount', 'max', 'limit', 'total', 'discount', 'duration']) {
      expect(countArgument.test(name), name).toBe(false);
    }
  });

  it('finds a count shown outside its plural', () => {
    expect(countsOutsidePlurals(parse('{count} minuten'))).toEqual(['count']);
    expect(countsOutsidePlurals(parse('{n} regels, {max} tekens'))).toEqual([]);
    expect(
      countsOutsidePlurals(parse('{count, plural, one {# minuut} other {{count} minuten}}')),
    ).toEqual([]);
    expect(
      countsOutsidePlurals(parse('{count, plural, one {# fout} other {{minutes} minuten}}')),
    ).toEqual(['minutes']);
  });

  it('is the rule the codemod applies', () => {
    const script = readFileSync(new URL('../../../../scripts/icu-catalogues.mjs', import.meta.url));
    expect(String(script)).toContain(`const COUNT_ARGUMENT =\n  ${String(countArgument)};`);
  });
});
