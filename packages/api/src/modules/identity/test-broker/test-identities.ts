/**
 * The people and businesses of the Test-DigiD / Test-eHerkenning broker. The BSNs are from the
 * range the national register hands out for testing (9999…, eleven test valid); the KvK numbers
 * are made up. Nothing here is a real person.
 */
export interface TestIdentity {
  readonly id: string;
  readonly kind: 'digid' | 'eherkenning';
  /** Shown on the broker's page. */
  readonly label: string;
  readonly description: string;
  /** The level of assurance the login gets (the ID token's `acr`). */
  readonly acr: string;
  /** Claims of the ID token besides `sub` and `acr`. */
  readonly claims: Readonly<Record<string, unknown>>;
}

export const testIdentities: readonly TestIdentity[] = [
  {
    id: 'digid-anna',
    kind: 'digid',
    label: 'Anna de Vries',
    description: 'Bewoner, DigiD midden (BSN 999993653)',
    acr: 'midden',
    claims: { bsn: '999993653', name: 'Anna de Vries' },
  },
  {
    id: 'digid-bram',
    kind: 'digid',
    label: 'Bram Jansen',
    description: 'Bewoner, DigiD substantieel (BSN 999990019)',
    acr: 'substantieel',
    claims: { bsn: '999990019', name: 'Bram Jansen' },
  },
  {
    id: 'digid-carla-machtiging',
    kind: 'digid',
    label: 'Carla Smit, namens haar vader Dirk Smit',
    description: 'Mantelzorger met DigiD Machtigen (BSN 999991772 namens 999992223)',
    acr: 'midden',
    claims: {
      bsn: '999991772',
      name: 'Carla Smit',
      machtiging: { bsn: '999992223', name: 'Dirk Smit' },
    },
  },
  {
    id: 'digid-carla',
    kind: 'digid',
    label: 'Carla Smit',
    description: 'Bewoner, DigiD midden, voor zichzelf (BSN 999991772)',
    acr: 'midden',
    claims: { bsn: '999991772', name: 'Carla Smit' },
  },
  {
    id: 'digid-dirk',
    kind: 'digid',
    label: 'Dirk Smit',
    description: 'Bewoner, DigiD midden, de vader van Carla (BSN 999992223)',
    acr: 'midden',
    claims: { bsn: '999992223', name: 'Dirk Smit' },
  },
  {
    id: 'digid-frank',
    kind: 'digid',
    label: 'Frank de Boer',
    description: 'Bewoner, DigiD midden (BSN 999996708)',
    acr: 'midden',
    claims: { bsn: '999996708', name: 'Frank de Boer' },
  },
  {
    id: 'digid-eva-basis',
    kind: 'digid',
    label: 'Eva Bakker',
    description: 'Bewoner, alleen DigiD basis (BSN 999995078)',
    acr: 'basis',
    claims: { bsn: '999995078', name: 'Eva Bakker' },
  },
  {
    id: 'eh-bakkerij',
    kind: 'eherkenning',
    label: 'Bakkerij De Korenschoof B.V.',
    description: 'Bedrijf, eHerkenning EH2 (KvK 90000012)',
    acr: 'urn:etoegang:core:assurance-class:loa2',
    claims: { kvk: '90000012', company_name: 'Bakkerij De Korenschoof B.V.' },
  },
  {
    id: 'eh-bewindvoerder',
    kind: 'eherkenning',
    label: 'Bewindvoering Van Dam B.V., voor Gerrit de Wit',
    description: 'Bewindvoerder, eHerkenning EH3, namens een bewoner (BSN 999990111)',
    acr: 'urn:etoegang:core:assurance-class:loa3',
    claims: {
      kvk: '90000036',
      company_name: 'Bewindvoering Van Dam B.V.',
      bewindvoering: { bsn: '999990111', name: 'Gerrit de Wit' },
    },
  },
  {
    id: 'eh-kapper-eh1',
    kind: 'eherkenning',
    label: 'Kapsalon Knip',
    description: 'Bedrijf, alleen eHerkenning EH1 (KvK 90000024)',
    acr: 'urn:etoegang:core:assurance-class:loa1',
    claims: { kvk: '90000024', company_name: 'Kapsalon Knip' },
  },
];

export const testIdentityById = (id: string) => testIdentities.find((i) => i.id === id) ?? null;

/** Every level the broker may put in `acr`. */
export const testAcrValues = [...new Set(testIdentities.map((i) => i.acr))];
