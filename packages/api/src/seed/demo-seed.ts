import type { EntityManager } from '@mikro-orm/core';
import {
  delftTopUpPolicy,
  moneyCapTopUpPolicy,
} from '@parkeer/domain/balance/top-up-policy.examples';
import type { CounterSettings } from '@parkeer/domain/counter/counter-settings';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import { visitorPermitEligibility } from '@parkeer/domain/eligibility/permit-application';
import { cityCentreRegime, everyDay, hm } from '@parkeer/domain/regime/example-regimes';
import type { Regime } from '@parkeer/domain/regime/regime';
import {
  visitorPolicyEndOfPaidHours,
  visitorPolicyMaxThreeHours,
  type SessionPolicy,
} from '@parkeer/domain/session-policy/session-policy';
import argon2 from 'argon2';
import { hashOptions } from '../modules/auth/password-hash.js';
import { Account, type Role } from '../model/account.entity.js';
import { EnforcementTown } from '../model/enforcement-town.entity.js';
import { permitPot } from '../modules/ledger/ledger.js';
import { withPermitTransaction } from '../modules/ledger/permit-transaction.js';
import { Municipality } from '../model/municipality.entity.js';
import { PermitPlate } from '../model/permit-plate.entity.js';
import { FlexPlate } from '../model/flex-plate.entity.js';
import type { ListedPlateRole } from '@parkeer/domain/session-policy/flexible-registration';
import { Permit } from '../model/permit.entity.js';
import { ProductType } from '../model/product-type.entity.js';
import { Tariff } from '../model/tariff.entity.js';
import { Zone } from '../model/zone.entity.js';
import { ZoneQuota } from '../model/zone-quota.entity.js';
import { PermitApplication } from '../model/permit-application.entity.js';
import { demoGemeentecodes, demoZoneShapes } from './demo-zone-shapes.js';

/** The password of every demo account; it meets the password rules. */
import { demoPassword } from '../modules/auth/demo-password.js';
import { seedDemoAddresses } from './demo-addresses.js';
import { seedDemoIdentityProviders } from '../modules/identity/test-broker/demo-identity-providers.js';

export { demoPassword };

export interface DemoLogin {
  readonly email: string;
  readonly role: Role;
  readonly what: string;
}

export interface DemoProduct {
  readonly productCode: string;
  readonly pin: string;
  readonly what: string;
}

export interface DemoSeed {
  readonly logins: readonly DemoLogin[];
  /** Allocation letters: product code + PIN of products not yet coupled to an account. */
  readonly letters: readonly DemoProduct[];
}

// Delft's paid hours are not in the sources; these demo hours follow its centre/ring split.
const delftCentre: Regime = cityCentreRegime;
const delftRing: Regime = {
  weekly: everyDay({ from: hm('09:00'), to: hm('18:00') }, [1, 2, 3, 4, 5, 6]),
  exceptions: [],
};

/** 002: the balance is money at an hourly tariff, topped up to at most 500 hours a permit year. */
const oudstadTariffCentsPerHour = 210;
const oudstadTopUpPolicy: TopUpPolicy = {
  ...moneyCapTopUpPolicy,
  cap: { period: 'permitYear', measure: 'price', limit: 500 * oudstadTariffCentsPerHour },
};

const flexibleBusinessPolicy: SessionPolicy = {
  ...visitorPolicyEndOfPaidHours,
  // 000: registered every day, stopped automatically after the zone's hours, one plate at a time
  // (docs/rules.md §5, The flexible business permit).
  latestEnd: 'endOfPaidHours',
  maxConcurrentSessions: 1,
  insufficientBalance: 'refuseWithProposal',
};

/**
 * How the demo towns sell their permits at the counter (docs/rules.md §1, The permit counter):
 * a visitor permit free but for the fee, a resident permit per calendar year with whole months
 * back on an early end, the flexible business permit per quarter with days back.
 */
const visitorCounter: CounterSettings = {
  pricePerTermCents: 0,
  period: 'year',
  alignment: 'rolling',
  chargesAdministrationFee: true,
  proRataRefund: 'none',
  plateChangeFeeCents: 0,
  maxPlates: 0,
  requiresPlate: false,
  renewalWindowDays: 30,
  reminderDaysBefore: 14,
  maxDaysAhead: 60,
  reviewCases: [],
  documents: [],
};
const residentCounter: CounterSettings = {
  pricePerTermCents: 9600,
  period: 'year',
  alignment: 'calendar',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 1000,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 42,
  reminderDaysBefore: 28,
  maxDaysAhead: 90,
  reviewCases: ['leaseCar', 'companyCar', 'other'],
  documents: [
    {
      code: 'leaseContract',
      name: { nl: 'Leasecontract', en: 'Lease contract' },
      when: 'leaseCar',
    },
    {
      code: 'employerStatement',
      name: { nl: 'Verklaring van de werkgever', en: "Employer's statement" },
      when: 'companyCar',
    },
  ],
};
const businessCounter: CounterSettings = {
  pricePerTermCents: 15000,
  period: 'quarter',
  alignment: 'rolling',
  chargesAdministrationFee: true,
  proRataRefund: 'days',
  plateChangeFeeCents: 0,
  maxPlates: 0,
  requiresPlate: false,
  renewalWindowDays: 21,
  reminderDaysBefore: 14,
  maxDaysAhead: 60,
  reviewCases: ['other'],
  documents: [],
};

/**
 * Delft's business permit (docs/rules.md §2 business permits): per quarter at the demo's price,
 * for one or two plates of the business's vehicles, a quarter's unused whole months back.
 */
const businessPermitCounter: CounterSettings = {
  pricePerTermCents: 11480,
  period: 'quarter',
  alignment: 'rolling',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 0,
  maxPlates: 2,
  requiresPlate: true,
  renewalWindowDays: 21,
  reminderDaysBefore: 14,
  maxDaysAhead: 60,
  reviewCases: ['other'],
  documents: [],
};

/**
 * Delft's care permit for professional care workers (004: "Professional care workers get a care
 * permit instead"): a year at a time, the care organisation's statement always asked and read by
 * an official before the permit is granted (docs/rules.md §1 care permit).
 */
const careCounter: CounterSettings = {
  pricePerTermCents: 5000,
  period: 'year',
  alignment: 'rolling',
  chargesAdministrationFee: true,
  proRataRefund: 'wholeMonths',
  plateChangeFeeCents: 0,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 42,
  reminderDaysBefore: 28,
  maxDaysAhead: 60,
  reviewCases: [],
  documents: [
    {
      code: 'careStatement',
      name: { nl: 'Verklaring van de zorginstelling', en: "Care organisation's statement" },
      when: null,
    },
  ],
  alwaysReviewed: true,
};
/**
 * A contractor's day permit (docs/rules.md §1 contractor day permit): a business buys one local
 * day for a plate, e.g. for building work, up to a month ahead; a day is not refunded.
 */
const contractorDayCounter: CounterSettings = {
  pricePerTermCents: 1250,
  period: 'day',
  alignment: 'rolling',
  chargesAdministrationFee: false,
  proRataRefund: 'none',
  plateChangeFeeCents: 0,
  maxPlates: 1,
  requiresPlate: true,
  renewalWindowDays: 1,
  reminderDaysBefore: null,
  maxDaysAhead: 30,
  reviewCases: [],
  documents: [],
};

/**
 * Two demo municipalities whose settings reproduce the sources: one with a time balance (Delft,
 * 004) and one with a money balance (a city centre on Key2Park, 002), with residents, a business,
 * an admin each and an enforcement account. Does nothing when the demo is already there.
 */
/**
 * A demo permit's PIN, from its product code (PK100000 → 2001): made up, but the same on every
 * demo installation, so the phone simulator can show the one of `demoPhoneLineHolder`'s permit.
 */
export function demoPinOf(productCode: string): string {
  const codeNumber = Number(productCode.replace(/^PK/, ''));
  return String(1000 + ((codeNumber + 1) % 9000));
}

/** The demo resident whose visitor permit the phone simulator page offers to call with. */
export const demoPhoneLineHolder = 'anna@demo.parkeer.nl';

export async function seedDemo(em: EntityManager, now: Date): Promise<DemoSeed | null> {
  if (await em.count(Municipality, { code: 'delft' })) return null;
  const passwordHash = await argon2.hash(demoPassword, hashOptions());
  const pinHash = (pin: string) => argon2.hash(pin, hashOptions());
  const logins: DemoLogin[] = [];
  const letters: DemoProduct[] = [];

  const account = (email: string, role: Role, what: string, municipality?: Municipality) => {
    logins.push({ email, role, what });
    return em.create(Account, { email, role, passwordHash, municipality: municipality ?? null });
  };

  const delft = em.create(Municipality, {
    code: 'delft',
    name: 'Gemeente Delft (demo)',
    gemeentecode: demoGemeentecodes.delft!,
    administrationFeeCents: 590,
    retention: { kind: 'hoursAfterEnd', hours: 48 },
  });
  const delftZones = new Map<string, Zone>();
  for (const code of ['B', 'C', 'D', 'E', 'F', 'H', 'TU', 'Y', 'Z']) {
    delftZones.set(
      code,
      em.create(Zone, {
        municipality: delft,
        code,
        name: code === 'B' ? 'Binnenstad' : `Parkeergebied ${code}`,
        regime: code === 'B' ? delftCentre : delftRing,
        excludedHolderTypes: code === 'TU' ? { 'visitor-permit': ['business'] } : {},
        shape: demoZoneShapes.delft![code] ?? null,
        // The demo's environmental zone: diesel from Euro 6 (docs/rules.md §2 emission rule).
        emissionRule: code === 'B' ? { minimumEuroClass: { diesel: 6 } } : null,
      }),
    );
  }
  const delftVisitor = em.create(ProductType, {
    municipality: delft,
    code: 'visitor-permit',
    kind: 'visitorPermit',
    name: { nl: 'Bezoekersvergunning', en: 'Visitor permit' },
    balanceUnit: 'minutes',
    sessionPolicy: visitorPolicyEndOfPaidHours,
    topUpPolicy: delftTopUpPolicy,
    eligibility: { ...visitorPermitEligibility, productCode: 'visitor-permit' },
    delegationAllowed: true,
    onePerAddress: true,
    counter: visitorCounter,
  });
  const delftFlexible = em.create(ProductType, {
    municipality: delft,
    code: 'flexible-business-permit',
    kind: 'flexibleBusinessPermit',
    name: { nl: 'Flexibele bedrijfsvergunning', en: 'Flexible business permit' },
    balanceUnit: 'minutes',
    sessionPolicy: flexibleBusinessPolicy,
    eligibility: {
      ...visitorPermitEligibility,
      productCode: 'flexible-business-permit',
      holderTypes: ['business'],
      maxPerAddress: null,
      // One per establishment rather than one per business (docs/rules.md §2 business permits).
      maxPerBusiness: null,
      maxPerEstablishment: 1,
    },
    counter: businessCounter,
    maxListedPlates: 10,
  });
  em.create(ProductType, {
    municipality: delft,
    code: 'business-permit',
    kind: 'businessPermit',
    name: { nl: 'Bedrijfsvergunning', en: 'Business permit' },
    eligibility: {
      ...visitorPermitEligibility,
      productCode: 'business-permit',
      holderTypes: ['business'],
      maxPerAddress: null,
      maxPerBusiness: 3,
      maxPerEstablishment: 2,
    },
    counter: businessPermitCounter,
  });

  em.create(ProductType, {
    municipality: delft,
    code: 'care-permit',
    kind: 'carePermit',
    name: { nl: 'Zorgvergunning', en: 'Care permit' },
    eligibility: {
      ...visitorPermitEligibility,
      productCode: 'care-permit',
      holderTypes: ['resident', 'business'],
      // A care worker parks where the clients live, not where the worker does.
      requiresAddressInPermitZone: false,
      zoneOfAddressOnly: false,
      maxPerAddress: null,
      maxPerBusiness: null,
    },
    validIn: 'allZones',
    counter: careCounter,
  });
  em.create(ProductType, {
    municipality: delft,
    code: 'contractor-day-permit',
    kind: 'contractorDayPermit',
    name: { nl: 'Aannemersdagvergunning', en: 'Contractor day permit' },
    eligibility: {
      ...visitorPermitEligibility,
      productCode: 'contractor-day-permit',
      holderTypes: ['business'],
      zoneOfAddressOnly: false,
      maxPerAddress: null,
      // At most three vehicles of one business on day permits at a time.
      maxPerBusiness: 3,
      excludedVehicleCategories: ['largeVehicle', 'trailer', 'recreationalVehicle'],
      // A contractor's van or light lorry is fine; larger lorries are not (a town's own line).
      vehicleSizeLimits: { maxMassKg: 7500, maxLengthCm: 1000 },
    },
    counter: contractorDayCounter,
  });

  const oudstad = em.create(Municipality, {
    code: 'oudstad',
    name: 'Gemeente Oudstad (demo)',
    gemeentecode: demoGemeentecodes.oudstad!,
    administrationFeeCents: 590,
    retention: { kind: 'weeksAfterEnd', weeks: 13 },
  });
  const centrum = em.create(Zone, {
    municipality: oudstad,
    code: 'centrum',
    name: 'Centrum',
    regime: cityCentreRegime,
    shape: demoZoneShapes.oudstad!.centrum!,
  });
  const oudstadVisitor = em.create(ProductType, {
    municipality: oudstad,
    code: 'visitor-permit',
    kind: 'visitorPermit',
    name: { nl: 'Digitale bezoekersvergunning', en: 'Digital visitor permit' },
    balanceUnit: 'cents',
    sessionPolicy: visitorPolicyMaxThreeHours,
    topUpPolicy: oudstadTopUpPolicy,
    eligibility: { ...visitorPermitEligibility, productCode: 'visitor-permit' },
    delegationAllowed: true,
    onePerAddress: true,
    counter: visitorCounter,
  });
  em.create(Tariff, {
    productType: oudstadVisitor,
    zone: centrum,
    validFrom: '2024-01-01',
    centsPerHour: oudstadTariffCentsPerHour,
  });
  const oudstadResident = em.create(ProductType, {
    municipality: oudstad,
    code: 'resident-permit',
    kind: 'residentPermit',
    name: { nl: 'Bewonersvergunning', en: 'Resident permit' },
    eligibility: {
      ...visitorPermitEligibility,
      productCode: 'resident-permit',
      holderTypes: ['resident'],
      excludedVehicleCategories: [],
      maxPerAddress: null,
    },
    counter: residentCounter,
  });

  const anna = account(demoPhoneLineHolder, 'resident', 'resident, Delft zone B, time balance');
  const bram = account('bram@demo.parkeer.nl', 'resident', 'resident, Delft zone C, time balance');
  const bakkerij = account(
    'bakkerij@demo.parkeer.nl',
    'business',
    'business, Delft, flexible permit (KvK 90000012)',
  );
  // The same business as the test broker's eHerkenning identity: KvK knows its establishments.
  bakkerij.kvkNumber = '90000012';
  const carla = account(
    'carla@demo.parkeer.nl',
    'resident',
    'resident, Oudstad, money balance and two plates',
  );
  account('beheer@delft.demo.parkeer.nl', 'municipalAdmin', 'admin of Delft', delft);
  account('beheer@oudstad.demo.parkeer.nl', 'municipalAdmin', 'admin of Oudstad', oudstad);
  account('balie@delft.demo.parkeer.nl', 'municipalDesk', 'municipal desk of Delft', delft);
  account('balie@oudstad.demo.parkeer.nl', 'municipalDesk', 'municipal desk of Oudstad', oudstad);
  account('platform@demo.parkeer.nl', 'platformAdmin', 'platform admin: creates municipalities');
  const officer = account(
    'handhaving@demo.parkeer.nl',
    'enforcement',
    'enforcement officer / scan car, both towns',
  );
  for (const town of [delft, oudstad])
    em.create(EnforcementTown, { account: officer, municipality: town });
  account('partner@demo.parkeer.nl', 'partner', 'partner app (no resident data)');

  /** Credited through the ledger once the permits are stored, as any top-up. */
  const openingBalances: { permitId: string; amount: number }[] = [];
  let codeNumber = 100_000;
  const permit = async (fields: {
    municipality: Municipality;
    productType: ProductType;
    zone: Zone;
    holder: Account | null;
    holderType: 'resident' | 'business';
    addressKey: string;
    addressLabel: string;
    balance?: number;
    plates?: string[];
    /** A flexible business permit's list (docs/rules.md §5). */
    listed?: { plate: string; name: string; role: ListedPlateRole }[];
  }) => {
    const { plates, listed, ...permitFields } = fields;
    const productCode = `PK${codeNumber++}`;
    const pin = demoPinOf(productCode);
    const created = em.create(Permit, {
      ...permitFields,
      validFrom: new Date(Date.UTC(now.getUTCFullYear(), 0, 1)),
      productCode,
      pinHash: await pinHash(pin),
      addressSlot: fields.productType.onePerAddress ? fields.addressKey : null,
      balance: 0,
    });
    (plates ?? []).forEach((plate, index) =>
      em.create(PermitPlate, {
        permit: created,
        plate,
        activeSlot: index === 0 ? created.id : null,
      }),
    );
    for (const entry of listed ?? []) em.create(FlexPlate, { permit: created, ...entry });
    if (fields.balance) openingBalances.push({ permitId: created.id, amount: fields.balance });
    if (!fields.holder)
      letters.push({
        productCode,
        pin,
        what: `${fields.productType.code}, ${fields.addressLabel}`,
      });
    return created;
  };

  const zone = (code: string) => delftZones.get(code)!;
  const demoPermits: Parameters<typeof permit>[0][] = [
    {
      municipality: delft,
      productType: delftVisitor,
      zone: zone('B'),
      holder: anna,
      holderType: 'resident',
      addressKey: 'delft-oude-delft-1',
      addressLabel: 'Oude Delft 1, Delft',
      balance: 200 * 60,
    },
    {
      municipality: delft,
      productType: delftVisitor,
      zone: zone('C'),
      holder: bram,
      holderType: 'resident',
      addressKey: 'delft-westlandseweg-20',
      addressLabel: 'Westlandseweg 20, Delft',
      balance: 45 * 60,
    },
    {
      municipality: delft,
      productType: delftFlexible,
      zone: zone('H'),
      holder: bakkerij,
      holderType: 'business',
      addressKey: 'delft-kerkstraat-5',
      addressLabel: 'Kerkstraat 5, Delft',
      balance: 200 * 60,
      listed: [
        { plate: 'GHJ12K', name: 'Sanne (ma–wo)', role: 'employee' },
        { plate: '4TXL89', name: 'Youssef (do–za)', role: 'employee' },
        { plate: '89KBN2', name: 'Leverancier meel', role: 'visitor' },
      ],
    },
    // Granted but not yet coupled: added with the product code and PIN of its letter.
    {
      municipality: delft,
      productType: delftVisitor,
      zone: zone('E'),
      holder: null,
      holderType: 'resident',
      addressKey: 'delft-phoenixstraat-9',
      addressLabel: 'Phoenixstraat 9, Delft',
    },
    {
      municipality: oudstad,
      productType: oudstadVisitor,
      zone: centrum,
      holder: carla,
      holderType: 'resident',
      addressKey: 'oudstad-markt-3',
      addressLabel: 'Markt 3, Oudstad',
      balance: 2500,
    },
    {
      municipality: oudstad,
      productType: oudstadResident,
      zone: centrum,
      holder: carla,
      holderType: 'resident',
      addressKey: 'oudstad-markt-3',
      addressLabel: 'Markt 3, Oudstad',
      plates: ['XX999X', '12ABC3'],
    },
  ];
  for (const fields of demoPermits) await permit(fields);
  seedDemoAddresses(em, [
    { town: delft, townName: 'Delft', zones: delftZones },
    { town: oudstad, townName: 'Oudstad', zones: new Map([['centrum', centrum]]) },
  ]);
  seedDemoIdentityProviders(em, [delft, oudstad]);

  // docs/rules.md §2 quotas, for a newcomer to see the waiting-list screens: Delft's zone Z
  // takes no new visitor permits for now (a quota of 0), and Carla waits for a place at Zuidwal
  // 30. Zone Z and that address are in no other demo story; raising the quota passes her an offer.
  em.create(ZoneQuota, {
    municipality: delft,
    zone: zone('Z'),
    productType: delftVisitor,
    limit: 0,
    offerDays: 14,
    updatedAt: now,
  });
  em.create(PermitApplication, {
    municipality: delft,
    productType: delftVisitor,
    kind: 'new',
    zone: zone('Z'),
    permit: null,
    applicant: carla,
    actor: carla,
    holderType: 'resident',
    addressKey: 'delft-zuidwal-30',
    addressLabel: 'Zuidwal 30, Delft',
    plates: [],
    validFrom: now,
    validUntil: null,
    priceCents: 0,
    feeCents: 0,
    totalCents: 0,
    status: 'waitlisted',
    waitlistRank: 0,
    contactEmail: 'carla@demo.parkeer.nl',
    language: 'nl',
    idempotencyKey: 'demo-waiting-list-zone-z',
    createdAt: now,
  });

  await em.flush();
  for (const { permitId, amount } of openingBalances) {
    await withPermitTransaction(em, permitId, now, (unit) =>
      unit.ledger.post(permitPot, { kind: 'topUp', amount, at: now }),
    );
  }
  return { logins, letters };
}
