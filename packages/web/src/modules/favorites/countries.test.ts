import { describe, expect, it } from 'vitest';
import { countryName, foreignCountries, plateLabel } from './countries.js';

describe('countries of foreign plates', () => {
  it('lists the countries the API accepts, by name, without the Netherlands', () => {
    const countries = foreignCountries('nl');
    const codes = countries.map((country) => country.code);
    expect(codes).toContain('DE');
    expect(codes).toContain('BE');
    expect(codes).toContain('XK');
    expect(codes).not.toContain('NL');
    // Retired and reserved codes are refused by the API, so they are not offered.
    expect(codes).not.toContain('UK');
    expect(codes).not.toContain('EU');
    const names = countries.map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl-NL')));
  });

  it('names countries in the interface language', () => {
    expect(countryName('DE', 'nl')).toBe('Duitsland');
    expect(countryName('DE', 'en')).toBe('Germany');
  });

  it('shows a foreign plate with its country and a Dutch one as it is', () => {
    expect(plateLabel({ formattedPlate: 'XX-999-X', country: 'NL' }, 'nl')).toBe('XX-999-X');
    expect(plateLabel({ formattedPlate: 'B1234', country: 'BE' }, 'en')).toBe('B1234 (Belgium)');
  });
});
