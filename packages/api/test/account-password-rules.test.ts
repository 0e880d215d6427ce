import { describe, expect, it } from 'vitest';
import { AppError } from '../src/graphql/app-error.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import {
  assertNewPassword,
  brokenPasswordRules,
  passwordMaxLength,
  passwordMinLength,
} from '../src/modules/auth/password-rules.js';

const email = 'jansen@example.nl';

describe('password rules', () => {
  it('refuses the published demo password, and accepts a long passphrase with a digit', () => {
    expect(brokenPasswordRules(demoPassword, 'anna@demo.parkeer.nl')).toEqual([
      'PASSWORD_PUBLISHED',
    ]);
    expect(brokenPasswordRules(`${demoPassword}!`, 'anna@demo.parkeer.nl')).toEqual([]);
    expect(brokenPasswordRules('fiets naar de markt 7', email)).toEqual([]);
    expect(brokenPasswordRules('Zonnebloem!', email)).toEqual([]);
  });

  it('needs at least 10 characters, counted as a person counts them', () => {
    expect(brokenPasswordRules('Abcdefgh1', email)).toEqual(['PASSWORD_TOO_SHORT']);
    expect(brokenPasswordRules('Abcdefghi1', email)).toEqual([]);
    expect(passwordMinLength).toBe(10);
    // Nine letters and one emoji: ten characters, although eleven UTF-16 units.
    expect(brokenPasswordRules('abcdefghi😀', email)).toEqual([]);
    expect(brokenPasswordRules('abcdefgh😀', email)).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('allows at most 200 characters', () => {
    expect(brokenPasswordRules(`a1${'x'.repeat(passwordMaxLength - 2)}`, email)).toEqual([]);
    expect(brokenPasswordRules(`a1${'x'.repeat(passwordMaxLength - 1)}`, email)).toEqual([
      'PASSWORD_TOO_LONG',
    ]);
  });

  it('refuses only letters, only digits, only symbols, and letters with only spaces', () => {
    for (const password of ['Parkeerplaats', '12345678901', '!@#$%^&*()-', 'alleen maar woorden']) {
      expect(brokenPasswordRules(password, email), password).toEqual(['PASSWORD_NEEDS_VARIETY']);
    }
    expect(brokenPasswordRules('Parkeerplaats-', email)).toEqual([]);
    expect(brokenPasswordRules('ééééééééé1', email)).toEqual([]);
  });

  it("refuses the e-mail address's local part in any case, but not a very short one", () => {
    expect(brokenPasswordRules('MijnJANSEN-2026', email)).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(brokenPasswordRules('jansen@example.nl1', email)).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(brokenPasswordRules('Bojo-wachtwoord-1', 'jo@example.nl')).toEqual([]);
    expect(brokenPasswordRules('Mijnjan-2026', email)).toEqual([]);
  });

  it('lists every rule broken', () => {
    expect(brokenPasswordRules('jansen', email)).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NEEDS_VARIETY',
      'PASSWORD_CONTAINS_EMAIL',
    ]);
  });

  it('reports the first broken rule as the error and all of them as a parameter', () => {
    const error = catchError(() => assertNewPassword('jansen', 'jansen', email));
    expect(error.code).toBe('PASSWORD_TOO_SHORT');
    expect(error.params).toMatchObject({
      min: 10,
      rules: 'PASSWORD_TOO_SHORT,PASSWORD_NEEDS_VARIETY,PASSWORD_CONTAINS_EMAIL',
    });
  });

  it('needs the same password twice, after the rules', () => {
    expect(catchError(() => assertNewPassword('Goed-genoeg-1', 'Goed-genoeg-2', email)).code).toBe(
      'PASSWORD_MISMATCH',
    );
    expect(catchError(() => assertNewPassword('Goed-genoeg-1', null, email)).code).toBe(
      'PASSWORD_MISMATCH',
    );
    expect(() => assertNewPassword('Goed-genoeg-1', 'Goed-genoeg-1', email)).not.toThrow();
  });
});

function catchError(action: () => void): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
