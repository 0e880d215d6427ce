import type { Language } from '@parkeer/shared/language';

/** Dutch unless the browser prefers English; an account's own setting wins once logged in. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
