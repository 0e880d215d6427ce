import { passwordMaxLength, passwordMinLength } from '@parkeer/shared/password-length';
import { demoPassword } from './demo-password.js';
import { AppError } from '../../graphql/app-error.js';

export { passwordMaxLength, passwordMinLength };
/** A shorter local part ('jo@…') would forbid too many ordinary words to be worth it. */
const shortestLocalPartChecked = 3;

/** Each rule is named by its error code, so the web app can show the rule that was broken. */
export const passwordRules = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_NEEDS_VARIETY',
  'PASSWORD_CONTAINS_EMAIL',
  'PASSWORD_PUBLISHED',
] as const;
export type PasswordRule = (typeof passwordRules)[number];

/** The rules a new password breaks for the account with this e-mail address; empty: fine. */
export function brokenPasswordRules(password: string, email: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  // Code points, not UTF-16 units: an emoji counts as one character, as a person would count it.
  const length = [...password].length;
  if (length < passwordMinLength) broken.push('PASSWORD_TOO_SHORT');
  if (length > passwordMaxLength) broken.push('PASSWORD_TOO_LONG');
  const hasLetter = /\p{L}/u.test(password);
  const hasOther = /[^\p{L}\s]/u.test(password);
  if (!hasLetter || !hasOther) broken.push('PASSWORD_NEEDS_VARIETY');
  const localPart = email.trim().toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= shortestLocalPartChecked && password.toLowerCase().includes(localPart)) {
    broken.push('PASSWORD_CONTAINS_EMAIL');
  }
  if (password === demoPassword) broken.push('PASSWORD_PUBLISHED');
  return broken;
}

/**
 * Refuses a new password that breaks a rule (the first one is the error; `rules` lists all of
 * them) or that was not typed the same twice.
 */
export function assertNewPassword(
  password: string,
  passwordRepeat: string | null | undefined,
  email: string,
): void {
  const [first, ...others] = brokenPasswordRules(password, email);
  if (first) {
    throw new AppError(first, {
      min: passwordMinLength,
      max: passwordMaxLength,
      rules: [first, ...others].join(','),
    });
  }
  if (passwordRepeat !== password) throw new AppError('PASSWORD_MISMATCH');
}
