import type { EntityManager } from '@mikro-orm/core';
import {
  delftTopUpPolicy,
  moneyCapTopUpPolicy,
} from '@parkeer/domain/balance/top-up-policy.examples';
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
import { Permit } from '../model/permit.entity.js';
import { ProductType } from '../model/product-type.entity.js';
import { Tariff } from '../model/tariff.entity.js';
import { Zone } from '../model/zone.entity.js';

/** The password of every demo account; it meets the password rules. */
import { demoPassword } from '../modules/auth/demo-password.js';
import { seedDemoAddresses } from './demo-addresses.js';

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
  // 000: registered every day, stopped automatically after the zone's hours.
  latestEnd: 'endOfPaidHours',
  insufficientBalance: 'refuseWithProposal',
};

/**
 * Two demo municipalities whose settings reproduce the sources: one with a time balance (Delft,
 * 004) and one with a money balance (a city centre on Key2Park, 002), with residents, a business,
 * an admin each and an enforcement account. Does nothing when the demo is already there.
 */
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
    },
  });

  const oudstad = em.create(Municipality, {
    code: 'oudstad',
    name: 'Gemeente Oudstad (demo)',
    retention: { kind: 'weeksAfterEnd', weeks: 13 },
  });
  const centrum = em.create(Zone, {
    municipality: oudstad,
    code: 'centrum',
    name: 'Centrum',
    regime: cityCentreRegime,
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
  });

  const anna = account('anna@demo.parkeer.nl', 'resident', 'resident, Delft zone B, time balance');
  const bram = account('bram@demo.parkeer.nl', 'resident', 'resident, Delft zone C, time balance');
  const bakkerij = account(
    'bakkerij@demo.parkeer.nl',
    'business',
    'business, Delft, flexible permit',
  );
  const carla = account(
    'carla@demo.parkeer.nl',
    'resident',
    'resident, Oudstad, money balance and two plates',
  );
  account('beheer@delft.demo.parkeer.nl', 'municipalAdmin', 'admin of Delft', delft);
  account('beheer@oudstad.demo.parkeer.nl', 'municipalAdmin', 'admin of Oudstad', oudstad);
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
  }) => {
    const { plates, ...permitFields } = fields;
    const productCode = `PK${codeNumber++}`;
    const pin = String(1000 + (codeNumber % 9000));
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

  await em.flush();
  for (const { permitId, amount } of openingBalances) {
    await withPermitTransaction(em, permitId, now, (unit) =>
      unit.ledger.post(permitPot, { kind: 'topUp', amount, at: now }),
    );
  }
  return { logins, letters };
}
