import { readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { languages } from '../language.js';
import { argumentNames, countArgument, countsOutsidePlurals } from './count-arguments.js';
import { errorCatalogue, errorMessage, isErrorCode } from './error-catalogue.js';
import { mailCatalogue, mailMessage } from './mail-catalogue.js';
import type { Message } from './message-table.js';

// Every table of the shared catalogue answers to the same rules (docs/architecture.md §Strings).
const tables: [string, Readonly<Record<string, Message>>][] = [
  ['error catalogue', errorCatalogue],
  ['mail catalogue', mailCatalogue],
];

describe.each(tables)('%s', (_, table) => {
  const entries = Object.entries(table);

  it('has a non-empty Dutch and English message for every code', () => {
    expect(entries.length).toBeGreaterThan(0);
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
});

describe('error catalogue', () => {
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

describe('mail catalogue', () => {
  it('says one and more in words that fit', () => {
    const validFor = (minutes: number, language: 'nl' | 'en') =>
      mailMessage('MAIL_LINK_VALID_MINUTES', language, { minutes });
    expect(validFor(1, 'nl')).toBe('De link werkt één keer en is 1 minuut geldig.');
    expect(validFor(60, 'nl')).toBe('De link werkt één keer en is 60 minuten geldig.');
    expect(validFor(1, 'en')).toBe('The link works once and for 1 minute.');
    expect(validFor(60, 'en')).toBe('The link works once and for 60 minutes.');
    expect(mailMessage('MAIL_LINK_VALID_DAYS', 'nl', { days: 1 })).toContain(' 1 dag geldig');
    expect(mailMessage('MAIL_LINK_VALID_DAYS', 'en', { days: 14 })).toContain(' 14 days.');
  });

  it('fills names as text, whatever characters they hold', () => {
    const subject = mailMessage('COUPLING_SUBJECT', 'en', { productName: "Visitor's {permit}" });
    expect(subject).toBe("Your product is ready: Visitor's {permit}");
  });

  it('chooses the words of a decision', () => {
    expect(mailMessage('REQUEST_DECISION_SUBJECT', 'nl', { decision: 'approved' })).toBe(
      'Uw aanvraag is toegekend',
    );
    expect(mailMessage('REQUEST_DECISION_SUBJECT', 'en', { decision: 'refused' })).toBe(
      'Your request was refused',
    );
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
