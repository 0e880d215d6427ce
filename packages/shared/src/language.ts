/** The interface languages; Dutch is the default everywhere. */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';

/** Locales used for number and date formatting per interface language. */
export const localeOf: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
