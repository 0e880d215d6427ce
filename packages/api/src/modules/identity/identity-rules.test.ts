import { describe, expect, it } from 'vitest';
import { assuranceRank, meetsMinimum, minimumChoices } from './assurance.js';
import { claimAt, claimText } from './claims.js';
import { identifierHash, normaliseBsn, normaliseKvk } from './identity-hash.js';
import { safeReturnTo } from './oidc-login.service.js';

describe('identity rules (docs/rules.md §6)', () => {
  it('reads a BSN only when it passes the eleven test, with a sector prefix or a lost leading zero', () => {
    expect(normaliseBsn('999993653')).toBe('999993653');
    expect(normaliseBsn(' s00000000:999990019 ')).toBe('999990019');
    expect(normaliseBsn('999993654')).toBeNull();
    expect(normaliseBsn('000000000')).toBeNull();
    expect(normaliseBsn('12345')).toBeNull();
    expect(normaliseBsn('11222335')).toBe('011222335');
    expect(normaliseKvk('90000012')).toBe('90000012');
    expect(normaliseKvk('9000001')).toBeNull();
  });

  it('hashes identifiers with a key: stable, per kind, and never the number itself', () => {
    const hash = identifierHash('bsn', '999993653');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(identifierHash('bsn', '999993653')).toBe(hash);
    expect(identifierHash('kvk', '999993653')).not.toBe(hash);
    expect(hash).not.toContain('999993653');
  });

  it('orders DigiD levels and eHerkenning assurance classes, and lets no unknown level pass', () => {
    expect(meetsMinimum('digid', 'substantieel', 'midden')).toBe(true);
    expect(meetsMinimum('digid', 'basis', 'midden')).toBe(false);
    expect(
      meetsMinimum(
        'digid',
        'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
        'midden',
      ),
    ).toBe(true);
    const eh = (level: string) => `urn:etoegang:core:assurance-class:${level}`;
    expect(meetsMinimum('eherkenning', eh('loa2plus'), eh('loa2'))).toBe(true);
    expect(meetsMinimum('eherkenning', eh('loa2'), eh('loa2plus'))).toBe(false);
    expect(meetsMinimum('eherkenning', eh('loa1'), eh('loa2'))).toBe(false);
    expect(meetsMinimum('eherkenning', 'EH3', eh('loa2'))).toBe(false);
    expect(meetsMinimum('digid', null, 'basis')).toBe(false);
    // eHerkenning's minimum starts at EH2.
    expect(minimumChoices.eherkenning.map((level) => assuranceRank('eherkenning', level))).toEqual([
      2, 2.5, 3, 4,
    ]);
  });

  it('reads claims by dotted names and numbers as digits', () => {
    const claims = {
      bsn: 999993653,
      machtiging: { bsn: '999992223', name: 'Dirk' },
      'a.b': 'flat',
    };
    expect(claimText(claims, 'bsn')).toBe('999993653');
    expect(claimText(claims, 'machtiging.bsn')).toBe('999992223');
    expect(claimAt(claims, 'a.b')).toBe('flat');
    expect(claimText(claims, 'machtiging.missing')).toBeNull();
    expect(claimText(claims, null)).toBeNull();
  });

  it('returns only to a path of this app', () => {
    expect(safeReturnTo('/producten?x=1')).toBe('/producten?x=1');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'producten',
      42,
    ]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });
});
