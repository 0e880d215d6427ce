import { describe, expect, it } from 'vitest';
import { visitorPermitEligibility } from './permit-application.js';
import {
  checkEmissionRule,
  checkVehicle,
  validateVehicleSizeLimits,
  validateZoneEmissionRule,
  vehicleCategoryOf,
  vehicleFuelOf,
  type VehicleFacts,
  type ZoneEmissionRule,
} from './vehicle.js';

const car: VehicleFacts = {
  kind: 'Personenauto',
  body: 'hatchback',
  euCategory: 'M1',
  maxMassKg: 1550,
  lengthCm: 406,
  fuels: [{ fuel: 'petrol', euroClass: 6 }],
};
const van: VehicleFacts = {
  ...car,
  kind: 'Bedrijfsauto',
  body: 'gesloten opbouw',
  euCategory: 'N1',
  maxMassKg: 3000,
  lengthCm: 527,
  fuels: [{ fuel: 'diesel', euroClass: 6 }],
};
const camper: VehicleFacts = {
  ...car,
  body: 'kampeerwagen',
  euCategory: 'M1',
  maxMassKg: 3500,
  lengthCm: 699,
};
const truck: VehicleFacts = {
  ...van,
  euCategory: 'N2',
  maxMassKg: 7490,
  lengthCm: 780,
  body: 'gesloten opbouw',
};
const trailer: VehicleFacts = {
  kind: 'Aanhangwagen',
  body: 'open laadvloer',
  euCategory: 'O1',
  maxMassKg: 750,
  lengthCm: 350,
  fuels: [],
};
const caravan: VehicleFacts = { ...trailer, body: 'caravan', euCategory: 'O2', maxMassKg: 1300 };

describe('docs/rules.md §2 vehicle category: from the register facts', () => {
  it('reads a passenger car, a van, a motorcycle and a moped', () => {
    expect(vehicleCategoryOf(car)).toBe('car');
    expect(vehicleCategoryOf(van)).toBe('van');
    expect(vehicleCategoryOf({ ...car, kind: 'Motorfiets', euCategory: 'L3e' })).toBe('motorcycle');
    expect(vehicleCategoryOf({ ...car, kind: 'Bromfiets', euCategory: 'L1e' })).toBe('moped');
  });

  it('calls a trailer a trailer, a caravan too (it is towed)', () => {
    expect(vehicleCategoryOf(trailer)).toBe('trailer');
    expect(vehicleCategoryOf(caravan)).toBe('trailer');
    expect(vehicleCategoryOf({ ...trailer, kind: 'Oplegger', euCategory: null })).toBe('trailer');
  });

  it('calls a camper recreational, whatever its mass or length', () => {
    expect(vehicleCategoryOf(camper)).toBe('recreationalVehicle');
    expect(vehicleCategoryOf({ ...camper, maxMassKg: 4250 })).toBe('recreationalVehicle');
  });

  it('calls a vehicle above 3500 kg or longer than 6 m large by default, at the line not', () => {
    expect(vehicleCategoryOf(truck)).toBe('largeVehicle');
    expect(vehicleCategoryOf({ ...van, maxMassKg: 3500, lengthCm: 600 })).toBe('van');
    expect(vehicleCategoryOf({ ...van, maxMassKg: 3501 })).toBe('largeVehicle');
    expect(vehicleCategoryOf({ ...car, lengthCm: 601 })).toBe('largeVehicle');
    expect(vehicleCategoryOf({ ...car, kind: 'Bus', euCategory: 'M3' })).toBe('largeVehicle');
  });

  it("follows a town's own size limits (a setting where towns differ)", () => {
    const strict = { maxMassKg: 3000, maxLengthCm: 500 };
    expect(vehicleCategoryOf(van, strict)).toBe('largeVehicle');
    expect(vehicleCategoryOf(car, strict)).toBe('car');
  });

  it('does not guess large from a missing mass or length', () => {
    expect(vehicleCategoryOf({ ...car, maxMassKg: null, lengthCm: null })).toBe('car');
  });
});

describe('docs/rules.md §2 emission rule: a zone admits from a Euro class per fuel', () => {
  const dieselSix: ZoneEmissionRule = { minimumEuroClass: { diesel: 6 } };
  const names = { plate: 'GB-404-K', zone: 'B' };

  it('refuses a diesel below the class, naming the plate, zone, fuel and class', () => {
    expect(
      checkEmissionRule({ fuels: [{ fuel: 'diesel', euroClass: 4 }] }, dieselSix, names),
    ).toEqual({
      ok: false,
      reason: 'ELIGIBILITY_VEHICLE_EMISSION',
      params: { plate: 'GB-404-K', zone: 'B', fuel: 'diesel', minimum: 6 },
    });
  });

  it('admits a diesel at the class, petrol (not listed) and electric always', () => {
    expect(checkEmissionRule({ fuels: [{ fuel: 'diesel', euroClass: 6 }] }, dieselSix, names)).toBe(
      null,
    );
    expect(checkEmissionRule({ fuels: [{ fuel: 'petrol', euroClass: 2 }] }, dieselSix, names)).toBe(
      null,
    );
    expect(
      checkEmissionRule(
        { fuels: [{ fuel: 'electric', euroClass: null }] },
        { minimumEuroClass: { diesel: 6, petrol: 6 } },
        names,
      ),
    ).toBe(null);
  });

  it('judges a hybrid by its engine and an unknown class as too low (never a wrong yes)', () => {
    const hybrid = {
      fuels: [
        { fuel: 'electric' as const, euroClass: null },
        { fuel: 'diesel' as const, euroClass: 5 },
      ],
    };
    expect(checkEmissionRule(hybrid, dieselSix, names)?.reason).toBe(
      'ELIGIBILITY_VEHICLE_EMISSION',
    );
    expect(
      checkEmissionRule({ fuels: [{ fuel: 'diesel', euroClass: null }] }, dieselSix, names)?.reason,
    ).toBe('ELIGIBILITY_VEHICLE_EMISSION');
  });

  it('admits everything in a zone without a rule', () => {
    expect(checkEmissionRule({ fuels: [{ fuel: 'diesel', euroClass: 1 }] }, null, names)).toBe(
      null,
    );
  });

  it('validates a rule as a whole: known fuels, classes 1 to 7, at least one', () => {
    expect(validateZoneEmissionRule(null)).toEqual([]);
    expect(validateZoneEmissionRule(dieselSix)).toEqual([]);
    expect(
      validateZoneEmissionRule({ minimumEuroClass: { diesel: 9, kerosine: 3, petrol: 0 } }).map(
        (problem) => `${problem.code} ${problem.path}`,
      ),
    ).toEqual([
      'SETTING_TOO_LARGE emissionRule.minimumEuroClass.diesel',
      'SETTING_INVALID_CHOICE emissionRule.minimumEuroClass.kerosine',
      'SETTING_NOT_POSITIVE emissionRule.minimumEuroClass.petrol',
    ]);
    expect(validateZoneEmissionRule({ minimumEuroClass: {} })[0]?.code).toBe('SETTING_REQUIRED');
  });

  it('validates size limits', () => {
    expect(validateVehicleSizeLimits(undefined)).toEqual([]);
    expect(validateVehicleSizeLimits({ maxMassKg: 3500, maxLengthCm: 600 })).toEqual([]);
    expect(
      validateVehicleSizeLimits({ maxMassKg: -1, maxLengthCm: 100_000 }).map((p) => p.code),
    ).toEqual(['SETTING_NOT_POSITIVE', 'SETTING_TOO_LARGE']);
  });
});

describe("docs/rules.md §2 vehicle check: the register's answer at the counter", () => {
  const zones = [
    { code: 'B', emissionRule: { minimumEuroClass: { diesel: 6 } } },
    { code: 'C', emissionRule: null },
  ];
  const zone = zones;
  const product = visitorPermitEligibility;

  it('refuses a plate the register does not know', () => {
    expect(checkVehicle({ product, zones: zone, plate: 'ZZ-000-Z', facts: null })).toEqual([
      { ok: false, reason: 'ELIGIBILITY_VEHICLE_UNKNOWN', params: { plate: 'ZZ-000-Z' } },
    ]);
  });

  it('refuses an excluded category naming it, and an emission rule, both at once', () => {
    const oldTruck = { ...truck, fuels: [{ fuel: 'diesel' as const, euroClass: 4 }] };
    expect(
      checkVehicle({ product, zones: zone, plate: 'BX-12-LT', facts: oldTruck }).map((r) => [
        r.reason,
        r.params,
      ]),
    ).toEqual([
      ['ELIGIBILITY_VEHICLE_EXCLUDED', { plate: 'BX-12-LT', category: 'largeVehicle' }],
      [
        'ELIGIBILITY_VEHICLE_EMISSION',
        { plate: 'BX-12-LT', zone: 'B', fuel: 'diesel', minimum: 6 },
      ],
    ]);
  });

  it('passes a car, and a van where vans are not excluded', () => {
    expect(checkVehicle({ product, zones: zone, plate: 'GB-123-K', facts: car })).toEqual([]);
    expect(checkVehicle({ product, zones: zone, plate: 'VB-123-N', facts: van })).toEqual([]);
  });

  it('judges a permit valid in several zones by each zone with a rule', () => {
    const oldDiesel = { ...car, fuels: [{ fuel: 'diesel' as const, euroClass: 5 }] };
    const strictToo = [...zones, { code: 'D', emissionRule: { minimumEuroClass: { diesel: 6 } } }];
    expect(
      checkVehicle({ product, zones: strictToo, plate: 'DN-404-D', facts: oldDiesel }).map(
        (r) => r.params?.zone,
      ),
    ).toEqual(['B', 'D']);
  });

  it('uses the product size limits', () => {
    const strict = { ...product, vehicleSizeLimits: { maxMassKg: 2500, maxLengthCm: 600 } };
    expect(
      checkVehicle({ product: strict, zones: [], plate: 'VB-123-N', facts: van })[0]?.params,
    ).toEqual({ plate: 'VB-123-N', category: 'largeVehicle' });
  });
});

describe('docs/rules.md §2 vehicle category: the register words for fuel and Euro class', () => {
  it('reads fuel names and classes in both notations', () => {
    expect(vehicleFuelOf('Diesel', 'EURO 4', '4')).toEqual({ fuel: 'diesel', euroClass: 4 });
    expect(vehicleFuelOf('Diesel', 'EURO VI', null)).toEqual({ fuel: 'diesel', euroClass: 6 });
    expect(vehicleFuelOf('Benzine', 'EURO 6 AP', null)).toEqual({ fuel: 'petrol', euroClass: 6 });
    expect(vehicleFuelOf('Benzine', null, '5')).toEqual({ fuel: 'petrol', euroClass: 5 });
    expect(vehicleFuelOf('Elektriciteit', null, null)).toEqual({
      fuel: 'electric',
      euroClass: null,
    });
    expect(vehicleFuelOf('Waterstof', null, 'Z')).toEqual({ fuel: 'hydrogen', euroClass: null });
    expect(vehicleFuelOf('Alcohol', null, null)).toEqual({ fuel: 'other', euroClass: null });
  });
});
