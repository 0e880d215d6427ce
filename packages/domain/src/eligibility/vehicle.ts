import { refuse, type Refusal } from '../result.js';
import { ProblemList, type SettingProblem } from '../settings/settings-problem.js';
import type {
  EligibilityRefusal,
  PermitEligibilitySettings,
  VehicleCategory,
} from './permit-application.js';

/**
 * What the vehicle register (RDW, docs/rules.md §2 Vehicles) says about a plate, as the API's
 * adapter reads it: the register's own words for kind and body, masses in kg, length in cm.
 * Unknown values are null: the register leaves fields empty for old and special vehicles.
 */
export interface VehicleFacts {
  /** `voertuigsoort`, e.g. 'Personenauto', 'Bedrijfsauto', 'Aanhangwagen', 'Motorfiets'. */
  readonly kind: string;
  /** `inrichting`, e.g. 'hatchback', 'gesloten opbouw', 'kampeerwagen', 'caravan'. */
  readonly body: string | null;
  /** `europese_voertuigcategorie`, e.g. 'M1', 'N1', 'N3', 'O2', 'L3e'. */
  readonly euCategory: string | null;
  /** `toegestane_maximum_massa_voertuig`, kg. */
  readonly maxMassKg: number | null;
  /** `lengte`, cm. */
  readonly lengthCm: number | null;
  /** One per fuel (a hybrid has two), from the register's fuel dataset. */
  readonly fuels: readonly VehicleFuel[];
}

export const vehicleFuels = [
  'petrol',
  'diesel',
  'lpg',
  'cng',
  'electric',
  'hydrogen',
  'other',
] as const;
export type VehicleFuel = {
  readonly fuel: (typeof vehicleFuels)[number];
  /** The Euro emission class (4 for 'EURO 4', 6 for 'EURO VI'); null when the register has none. */
  readonly euroClass: number | null;
};

/** Fuels without exhaust: no emission rule applies to them. */
const zeroEmissionFuels: ReadonlySet<VehicleFuel['fuel']> = new Set(['electric', 'hydrogen']);

/**
 * Where a town draws the line for a 'large vehicle' (docs/rules.md §2 Vehicles): towns differ,
 * so these are settings of the product type. A vehicle above either is large.
 */
export interface VehicleSizeLimits {
  /** Largest permitted maximum mass that still counts as an ordinary vehicle (kg). */
  readonly maxMassKg: number;
  /** Longest vehicle that still counts as ordinary (cm). */
  readonly maxLengthCm: number;
}

/** The common line: a driving licence B vehicle, 3500 kg, and 6 m (a parking bay's length). */
export const defaultVehicleSizeLimits: VehicleSizeLimits = { maxMassKg: 3500, maxLengthCm: 600 };

const lower = (text: string | null) => (text ?? '').trim().toLowerCase();

/**
 * docs/rules.md §2 vehicle category: the kind of vehicle a plate belongs to, from the register's
 * facts. Checked in this order, because a vehicle may be several at once and the most specific
 * exclusion must win: a trailer (a caravan too), a recreational vehicle (a camper, whatever its
 * mass), a motorcycle or moped, a large vehicle (over the town's mass or length), a van, else a car.
 */
export function vehicleCategoryOf(
  facts: VehicleFacts,
  limits: VehicleSizeLimits = defaultVehicleSizeLimits,
): VehicleCategory {
  const kind = lower(facts.kind);
  const body = lower(facts.body);
  const eu = lower(facts.euCategory);
  if (kind.includes('aanhangwagen') || kind.includes('oplegger') || eu.startsWith('o')) {
    return 'trailer';
  }
  if (body.includes('kampeerwagen') || body.includes('camper') || eu.endsWith('sa')) {
    return 'recreationalVehicle';
  }
  if (kind.includes('bromfiets') || /^l[12]/.test(eu)) return 'moped';
  if (kind.includes('motorfiets') || kind.includes('driewielig') || eu.startsWith('l')) {
    return 'motorcycle';
  }
  const heavy = facts.maxMassKg !== null && facts.maxMassKg > limits.maxMassKg;
  const long = facts.lengthCm !== null && facts.lengthCm > limits.maxLengthCm;
  if (heavy || long || kind === 'bus' || /^(m2|m3|n2|n3)/.test(eu)) return 'largeVehicle';
  if (kind.includes('bedrijfsauto') || eu.startsWith('n1')) return 'van';
  return 'car';
}

/**
 * A zone's emission rule (docs/rules.md §2 emission rule): the lowest Euro class each fuel with
 * exhaust needs to get a permit for the zone. A fuel not listed is admitted; electric and
 * hydrogen vehicles always are. E.g. `{ diesel: 6 }`: diesel from Euro 6, petrol as it is.
 */
export interface ZoneEmissionRule {
  readonly minimumEuroClass: Readonly<Partial<Record<RuleFuel, number>>>;
}

export const emissionRuleFuels = ['petrol', 'diesel', 'lpg', 'cng'] as const;
type RuleFuel = (typeof emissionRuleFuels)[number];
const isRuleFuel = (fuel: string): fuel is RuleFuel => emissionRuleFuels.includes(fuel as RuleFuel);
/** Euro 1 (1992) to Euro 7: a class outside this is a typo. */
const euroClassRange = { min: 1, max: 7 };

export type EmissionRefusal = Refusal<'ELIGIBILITY_VEHICLE_EMISSION'>;

/**
 * docs/rules.md §2 emission rule: whether a vehicle may get a permit for a zone with this rule.
 * Each fuel with exhaust is judged (a plug-in hybrid by its engine); a class the register does
 * not know counts as below any minimum, so an unknown is never a yes.
 */
export function checkEmissionRule(
  facts: Pick<VehicleFacts, 'fuels'>,
  rule: ZoneEmissionRule | null,
  names: { readonly plate: string; readonly zone: string },
): EmissionRefusal | null {
  if (!rule) return null;
  for (const { fuel, euroClass } of facts.fuels) {
    if (zeroEmissionFuels.has(fuel)) continue;
    const minimum = isRuleFuel(fuel) ? rule.minimumEuroClass[fuel] : undefined;
    if (minimum === undefined) continue;
    if (euroClass === null || euroClass < minimum) {
      return refuse('ELIGIBILITY_VEHICLE_EMISSION', { ...names, fuel, minimum });
    }
  }
  return null;
}

/** Every problem in a zone's emission rule as an admin entered it (null: no rule). */
export function validateZoneEmissionRule(value: unknown, at = 'emissionRule'): SettingProblem[] {
  const list = new ProblemList();
  if (value === null || value === undefined) return list.problems;
  if (!list.object(value, at)) return list.problems;
  const classes = (value as Record<string, unknown>).minimumEuroClass;
  const path = `${at}.minimumEuroClass`;
  if (!list.object(classes, path)) return list.problems;
  const entries = Object.entries(classes);
  if (entries.length === 0) list.add('SETTING_REQUIRED', path);
  for (const [fuel, minimum] of entries) {
    if (!isRuleFuel(fuel)) {
      list.add('SETTING_INVALID_CHOICE', `${path}.${fuel}`);
      continue;
    }
    if (
      list.count(minimum, `${path}.${fuel}`, { max: euroClassRange.max }) &&
      minimum < euroClassRange.min
    ) {
      list.add('SETTING_INVALID_CHOICE', `${path}.${fuel}`);
    }
  }
  return list.problems;
}

/** Every problem in a product type's size limits for large vehicles (absent: the defaults). */
export function validateVehicleSizeLimits(
  value: unknown,
  at = 'vehicleSizeLimits',
): SettingProblem[] {
  const list = new ProblemList();
  if (value === null || value === undefined) return list.problems;
  if (!list.object(value, at)) return list.problems;
  const limits = value as Record<string, unknown>;
  // A 60-tonne lorry and a 30-metre road train are the most any register holds.
  list.count(limits.maxMassKg, `${at}.maxMassKg`, { max: 60_000 });
  list.count(limits.maxLengthCm, `${at}.maxLengthCm`, { max: 3_000 });
  return list.problems;
}

/**
 * The register's fuel words and emission level read as a fuel and a Euro class: 'Diesel' with
 * 'EURO 4' or 'EURO IV' or emission code '4'. Unknown words are 'other'; no class is null.
 */
export function vehicleFuelOf(
  description: string,
  emissionLevel: string | null,
  emissionCode: string | null,
): VehicleFuel {
  const word = lower(description);
  const fuel: VehicleFuel['fuel'] =
    word === 'benzine'
      ? 'petrol'
      : word === 'diesel'
        ? 'diesel'
        : word === 'lpg'
          ? 'lpg'
          : word === 'cng' || word === 'aardgas'
            ? 'cng'
            : word.startsWith('elektr')
              ? 'electric'
              : word === 'waterstof'
                ? 'hydrogen'
                : 'other';
  return { fuel, euroClass: euroClassOf(emissionLevel) ?? euroClassOf(emissionCode) };
}

const romanClasses: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7 };

function euroClassOf(text: string | null): number | null {
  const match = /^(?:euro\s*)?(\d|[ivx]+)\b/.exec(lower(text));
  if (!match) return null;
  const value = /^\d$/.test(match[1]!) ? Number(match[1]) : (romanClasses[match[1]!] ?? null);
  return value !== null && value >= euroClassRange.min && value <= euroClassRange.max
    ? value
    : null;
}

/** One plate as the counter judges it against the vehicle register (docs/rules.md §2). */
export interface VehicleQuestion {
  readonly product: Pick<
    PermitEligibilitySettings,
    'excludedVehicleCategories' | 'vehicleSizeLimits'
  >;
  /**
   * The zones the permit would be valid in, with their emission rules: the zone of the address,
   * or every zone of the town for a permit valid in all of them (a care permit).
   */
  readonly zones: ReadonlyArray<{
    readonly code: string;
    readonly emissionRule: ZoneEmissionRule | null;
  }>;
  /** The plate as shown to the applicant (formatted). */
  readonly plate: string;
  /** The register's answer; null when it does not know the plate. */
  readonly facts: VehicleFacts | null;
}

/**
 * docs/rules.md §2 vehicle check: a Dutch plate the register does not know is refused
 * (`ELIGIBILITY_VEHICLE_UNKNOWN`); a known one is refused for a category the product excludes
 * (`ELIGIBILITY_VEHICLE_EXCLUDED`, naming it) and for each zone's emission rule it would be
 * valid in. Every reason.
 */
export function checkVehicle(question: VehicleQuestion): EligibilityRefusal[] {
  const { product, zones, plate, facts } = question;
  if (!facts) return [refuse('ELIGIBILITY_VEHICLE_UNKNOWN', { plate })];
  const reasons: EligibilityRefusal[] = [];
  const category = vehicleCategoryOf(facts, product.vehicleSizeLimits ?? defaultVehicleSizeLimits);
  if (product.excludedVehicleCategories.includes(category)) {
    reasons.push(refuse('ELIGIBILITY_VEHICLE_EXCLUDED', { plate, category }));
  }
  for (const zone of zones) {
    const emission = checkEmissionRule(facts, zone.emissionRule, { plate, zone: zone.code });
    if (emission) reasons.push(emission);
  }
  return reasons;
}
