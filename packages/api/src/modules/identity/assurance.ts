import type { IdentityKind } from '../../model/identity-provider.entity.js';

/**
 * Levels of assurance in rising order (docs/rules.md §6). DigiD's as the brokers name them
 * (basis, midden, substantieel, hoog) or as the SAML context classes DigiD sends; eHerkenning's
 * as the assurance-class URNs of the eTD framework (EH1, EH2, EH2+, EH3, EH4).
 */
const digidLevels: Record<string, number> = {
  basis: 1,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport': 1,
  midden: 2,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract': 2,
  substantieel: 3,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard': 3,
  hoog: 4,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI': 4,
};

const eherkenningLevels: Record<string, number> = {
  'urn:etoegang:core:assurance-class:loa1': 1,
  'urn:etoegang:core:assurance-class:loa2': 2,
  'urn:etoegang:core:assurance-class:loa2plus': 2.5,
  'urn:etoegang:core:assurance-class:loa3': 3,
  'urn:etoegang:core:assurance-class:loa4': 4,
};

const levels = { digid: digidLevels, eherkenning: eherkenningLevels } as const;

/** The minimums an admin may choose: eHerkenning starts at EH2 (docs/rules.md §6). */
export const minimumChoices: Record<IdentityKind, readonly string[]> = {
  digid: ['basis', 'midden', 'substantieel', 'hoog'],
  eherkenning: [
    'urn:etoegang:core:assurance-class:loa2',
    'urn:etoegang:core:assurance-class:loa2plus',
    'urn:etoegang:core:assurance-class:loa3',
    'urn:etoegang:core:assurance-class:loa4',
  ],
};

export function assuranceRank(kind: IdentityKind, value: string): number | null {
  return Object.hasOwn(levels[kind], value) ? levels[kind][value]! : null;
}

/** Whether a login's level is at least the minimum; an unknown level never is. */
export function meetsMinimum(kind: IdentityKind, value: string | null, minimum: string): boolean {
  if (value === null) return false;
  const rank = assuranceRank(kind, value);
  const least = assuranceRank(kind, minimum);
  return rank !== null && least !== null && rank >= least;
}
