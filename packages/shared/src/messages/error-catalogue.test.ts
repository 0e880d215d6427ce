import { describe, expect, it } from 'vitest';
import { languages } from '../language.js';
import { errorCatalogue, errorMessage, isErrorCode } from './error-catalogue.js';

describe('error catalogue', () => {
  it('has a non-empty Dutch and English message for every code', () => {
    for (const [code, message] of Object.entries(errorCatalogue)) {
      for (const language of languages) {
        expect(message[language].trim(), `${code}.${language}`).not.toBe('');
      }
      expect(message.nl, `${code} is translated`).not.toBe(message.en);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, message] of Object.entries(errorCatalogue)) {
      expect(placeholders(message.nl), code).toEqual(placeholders(message.en));
    }
  });

  it('fills placeholders and defaults to Dutch', () => {
    expect(errorMessage('FORBIDDEN')).toBe(errorCatalogue.FORBIDDEN.nl);
    expect(errorMessage('NOT_FOUND', 'en')).toBe('Not found.');
  });

  it('recognises its own codes only', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
