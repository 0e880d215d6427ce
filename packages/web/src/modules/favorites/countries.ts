import { isCountryCode } from '@parkeer/domain/plate/country-codes';
import { localeOf, type Language } from '@parkeer/shared/language';

export const homeCountry = 'NL';

const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
// The domain keeps the accepted codes to itself; asking it about every pair of letters gives the
// same list the API checks against, without a second copy to keep in step.
const countryCodes = letters.flatMap((a) => letters.map((b) => a + b)).filter(isCountryCode);

const displayNames = new Map<Language, Intl.DisplayNames>();

/** A country's name in the interface language ("Duitsland"); the code when it has none. */
export function countryName(code: string, language: Language): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([localeOf[language]], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The countries a foreign plate can come from, by name in the interface language. */
export function foreignCountries(language: Language): { code: string; name: string }[] {
  return countryCodes
    .filter((code) => code !== homeCountry)
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, localeOf[language]));
}

/** A plate as a list shows it: a foreign one with its country, so "B1234" is not taken for Dutch. */
export function plateLabel(
  plate: { formattedPlate: string; country: string },
  language: Language,
): string {
  return plate.country === homeCountry
    ? plate.formattedPlate
    : `${plate.formattedPlate} (${countryName(plate.country, language)})`;
}
