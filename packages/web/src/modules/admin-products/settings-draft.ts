import { hasPlateRight } from '@parkeer/domain/product/product-kinds';
import type {
  CapPeriod,
  DatedFee,
  RefundOccasion,
  TopUpPolicy,
  TopUpPrice,
} from '@parkeer/domain/balance/top-up-policy';
import type { ForeignPlatePolicy } from '@parkeer/domain/eligibility/permit-application';
import { defaultVehicleSizeLimits } from '@parkeer/domain/eligibility/vehicle';
import type { ZoneValidity } from '@parkeer/domain/settings/permit-scope-validation';
import { compareLocalDates, type LocalDate } from '@parkeer/domain/time/local-date';
import type { HolderType } from '@parkeer/shared/holder-type';
import type { Language } from '@parkeer/shared/language';
import {
  amountText,
  hoursAndMinutes,
  parseAmount,
  parseCount,
  parseHoursAndMinutes,
  type AmountUnit,
} from './amounts.js';

/** Refund occasions an admin may tick (docs/rules.md §2, §4), in the order shown. */
export const refundOccasions: readonly RefundOccasion[] = [
  'movedToOtherZone',
  'movedOutOfPaidParking',
  'holderDied',
  'permitEnded',
];

export interface SessionDraft {
  maxHours: string;
  maxMinutes: string;
  defaultEnd: string;
  latestEnd: string;
  maxConcurrent: string;
  insufficientBalance: string;
  invalidWeekdays: number[];
  pastTolerance: string;
}

/** A dated line: one already in effect (`original` set) goes back exactly as it came. */
export interface PriceLineDraft {
  readonly original: TopUpPrice | null;
  validFrom: string;
  zones: string[];
  holderType: HolderType;
  /** Euros for the pricing's unit amount; empty: not sold from this date on. */
  price: string;
}

export interface FeeDraft {
  readonly original: DatedFee | null;
  validFrom: string;
  fee: string;
}

export interface TopUpDraft {
  amountsKind: 'blocks' | 'presets';
  blockSize: string;
  maxBlocks: string;
  presets: string[];
  pricingKind: 'perUnit' | 'faceValue';
  unitAmount: string;
  prices: PriceLineDraft[];
  maxBalance: string;
  capKind: 'none' | 'limited';
  capPeriod: CapPeriod;
  capMeasure: 'amount' | 'price';
  capLimit: string;
  fees: FeeDraft[];
  careKind: 'none' | 'limited';
  carePeriod: CapPeriod;
  careHours: string;
  unusedKind: 'lapse' | 'refundOnRequest';
  occasions: RefundOccasion[];
}

/** A document the counter asks for; `when` empty: always asked. */
export interface DocumentDraft {
  code: string;
  nameNl: string;
  nameEn: string;
  when: string;
}

/** How the permit counter sells the product (docs/rules.md §1, counter settings). */
export interface CounterDraft {
  /** Euros per term. */
  price: string;
  period: string;
  alignment: string;
  chargesFee: boolean;
  proRata: string;
  /** Euros. */
  plateChangeFee: string;
  requiresPlate: boolean;
  maxPlates: string;
  renewalWindowDays: string;
  /** Empty: no reminder. */
  reminderDays: string;
  maxDaysAhead: string;
  reviewCases: string[];
  documents: DocumentDraft[];
}

/** Review cases an admin may tick, in the order shown. */
export const counterReviewCases = ['leaseCar', 'companyCar', 'privateParking', 'other'] as const;

/**
 * A product's vehicle rules and the zones its permits are valid in (docs/rules.md §1 care permit,
 * §2 Vehicles, §5 The flexible business permit).
 */
export interface ScopeDraft {
  /** False: the common line for a large vehicle (3500 kg, 600 cm). */
  ownSizeLimits: boolean;
  maxMassKg: string;
  maxLengthCm: string;
  foreignPlates: ForeignPlatePolicy;
  /** A flexible business permit's list of plates; null for every other product. */
  maxListedPlates: string | null;
  validIn: ZoneValidity;
  validZoneCodes: string[];
}

/**
 * Who may apply and how many active permits one holder may have (docs/rules.md §2 who may
 * apply); an empty maximum is no limit.
 */
export interface ApplicantDraft {
  holderTypes: HolderType[];
  maxPerAddress: string;
  maxPerBusiness: string;
  maxPerEstablishment: string;
}

/** The kinds of applicant an admin may tick, in the order shown. */
export const applicantKinds: readonly HolderType[] = ['resident', 'business'];

/** Every setting of a product type as the form holds it: typed text, not yet numbers. */
export interface SettingsDraft {
  nameNl: string;
  nameEn: string;
  delegationAllowed: boolean;
  sessions: SessionDraft | null;
  topUp: TopUpDraft | null;
  counter: CounterDraft | null;
  /** Null: the product came without these settings (the form then leaves them as stored). */
  scope: ScopeDraft | null;
  /** Null: the product came without them (the form then leaves them as stored). */
  applicants: ApplicantDraft | null;
}

/** The parts of a product type the form starts from (the API's AdminProductType). */
export interface ProductSettings {
  readonly nameNl: string;
  readonly nameEn: string;
  readonly balanceUnit: AmountUnit | null;
  readonly delegationAllowed: boolean;
  readonly sessionPolicy: {
    readonly maxDurationMinutes: number | null;
    readonly defaultEnd: string;
    readonly latestEnd: string;
    readonly maxConcurrentSessions: number | null;
    readonly insufficientBalance: string;
    readonly invalidWeekdays: readonly number[];
    readonly pastStartToleranceMinutes: number;
  } | null;
  readonly topUpPolicy: Record<string, unknown> | null;
  readonly counter?: CounterSettingsInput | null;
  readonly kind?: string;
  readonly vehicleSizeLimits?: { readonly maxMassKg: number; readonly maxLengthCm: number } | null;
  readonly foreignPlates?: string;
  readonly maxListedPlates?: number | null;
  readonly validIn?: string;
  readonly validZoneCodes?: readonly string[];
  readonly holderTypes?: readonly string[];
  readonly maxPerAddress?: number | null;
  readonly maxPerBusiness?: number | null;
  readonly maxPerEstablishment?: number | null;
  readonly onePerAddress?: boolean;
}

/** A line dated today or earlier is in effect (or past): the API refuses any change to it. */
export const isInEffect = (validFrom: string, today: LocalDate) =>
  compareLocalDates(validFrom, today) <= 0;

/** The session rules a product gets when sessions are switched on: a visitor's usual ones. */
export function newSessionDraft(): SessionDraft {
  return {
    maxHours: '',
    maxMinutes: '',
    defaultEnd: 'endOfPaidHours',
    latestEnd: 'none',
    maxConcurrent: '',
    insufficientBalance: 'refuseWithProposal',
    invalidWeekdays: [],
    pastTolerance: '1',
  };
}

/** Top-up rules to start from when top-ups are switched on: blocks, nothing filled in yet. */
export function newTopUpDraft(unit: AmountUnit): TopUpDraft {
  return {
    amountsKind: unit === 'cents' ? 'presets' : 'blocks',
    blockSize: '',
    maxBlocks: '1',
    presets: [''],
    pricingKind: unit === 'cents' ? 'faceValue' : 'perUnit',
    unitAmount: '',
    prices: [],
    maxBalance: '',
    capKind: 'none',
    capPeriod: 'calendarYear',
    capMeasure: 'amount',
    capLimit: '',
    fees: [],
    careKind: 'none',
    carePeriod: 'calendarYear',
    careHours: '',
    unusedKind: 'lapse',
    occasions: [],
  };
}

/** What a product is sold for at the counter when it is first offered there: a year, a plate. */
export function newCounterDraft(): CounterDraft {
  return {
    price: '',
    period: 'year',
    alignment: 'rolling',
    chargesFee: true,
    proRata: 'none',
    plateChangeFee: '0',
    requiresPlate: true,
    maxPlates: '1',
    renewalWindowDays: '30',
    reminderDays: '14',
    maxDaysAhead: '60',
    reviewCases: [],
    documents: [],
  };
}

export const newDocumentDraft = (): DocumentDraft => ({
  code: '',
  nameNl: '',
  nameEn: '',
  when: '',
});

function counterDraftOf(counter: CounterSettingsInput, language: Language): CounterDraft {
  const euros = (cents: number) => amountText(cents, 'cents', language);
  return {
    price: euros(counter.pricePerTermCents),
    period: counter.period,
    alignment: counter.alignment,
    chargesFee: counter.chargesAdministrationFee,
    proRata: counter.proRataRefund,
    plateChangeFee: euros(counter.plateChangeFeeCents),
    requiresPlate: counter.requiresPlate,
    maxPlates: String(counter.maxPlates),
    renewalWindowDays: String(counter.renewalWindowDays),
    reminderDays: counter.reminderDaysBefore?.toString() ?? '',
    maxDaysAhead: String(counter.maxDaysAhead),
    reviewCases: [...counter.reviewCases],
    documents: counter.documents.map((document) => ({
      code: document.code,
      nameNl: document.name.nl,
      nameEn: document.name.en,
      when: document.when ?? '',
    })),
  };
}

export function newPriceLine(validFrom: LocalDate): PriceLineDraft {
  return { original: null, validFrom, zones: [], holderType: 'resident', price: '' };
}

export function newFee(validFrom: LocalDate): FeeDraft {
  return { original: null, validFrom, fee: '' };
}

/** The form's starting point: the stored settings in hours and euros. */
export function draftOf(product: ProductSettings, language: Language, today: LocalDate) {
  const unit = product.balanceUnit;
  const session = product.sessionPolicy;
  const policy = product.topUpPolicy as unknown as TopUpPolicy | null;
  const draft: SettingsDraft = {
    nameNl: product.nameNl,
    nameEn: product.nameEn,
    delegationAllowed: product.delegationAllowed,
    sessions: session && {
      maxHours: hoursAndMinutes(session.maxDurationMinutes).hours,
      maxMinutes: hoursAndMinutes(session.maxDurationMinutes).minutes,
      defaultEnd: session.defaultEnd,
      latestEnd: session.latestEnd,
      maxConcurrent: session.maxConcurrentSessions?.toString() ?? '',
      insufficientBalance: session.insufficientBalance,
      invalidWeekdays: [...session.invalidWeekdays],
      pastTolerance: String(session.pastStartToleranceMinutes),
    },
    topUp: policy && unit ? topUpDraftOf(policy, unit, language, today) : null,
    counter: product.counter ? counterDraftOf(product.counter, language) : null,
    scope: scopeDraftOf(product),
    applicants: applicantDraftOf(product),
  };
  return draft;
}

/** A flexible business permit lists plates (docs/rules.md §5). */
export const listsPlates = (kind: string | undefined) => kind === 'flexibleBusinessPermit';

/** Only a product whose right is on a plate may be valid beyond its own zone (docs/rules.md §6). */
export const zonesSettable = hasPlateRight;

function applicantDraftOf(product: ProductSettings): ApplicantDraft | null {
  if (product.holderTypes === undefined) return null;
  const text = (value: number | null | undefined) => value?.toString() ?? '';
  return {
    holderTypes: applicantKinds.filter((kind) => product.holderTypes!.includes(kind)),
    maxPerAddress: text(product.maxPerAddress),
    maxPerBusiness: text(product.maxPerBusiness),
    maxPerEstablishment: text(product.maxPerEstablishment),
  };
}

function scopeDraftOf(product: ProductSettings): ScopeDraft | null {
  if (product.validIn === undefined || product.foreignPlates === undefined) return null;
  const limits = product.vehicleSizeLimits ?? null;
  return {
    ownSizeLimits: limits !== null,
    maxMassKg: String(limits?.maxMassKg ?? defaultVehicleSizeLimits.maxMassKg),
    maxLengthCm: String(limits?.maxLengthCm ?? defaultVehicleSizeLimits.maxLengthCm),
    foreignPlates: product.foreignPlates === 'accept' ? 'accept' : 'review',
    maxListedPlates: listsPlates(product.kind) ? String(product.maxListedPlates ?? '') : null,
    validIn: product.validIn as ZoneValidity,
    validZoneCodes: [...(product.validZoneCodes ?? [])],
  };
}

function topUpDraftOf(
  policy: TopUpPolicy,
  unit: AmountUnit,
  language: Language,
  today: LocalDate,
): TopUpDraft {
  const amount = (value: number | null | undefined) => amountText(value, unit, language);
  const euros = (cents: number | null | undefined) => amountText(cents, 'cents', language);
  const blank = newTopUpDraft(unit);
  const { amounts, pricing, cap, careGrant, unusedBalance } = policy;
  return {
    amountsKind: amounts.kind,
    blockSize: amounts.kind === 'blocks' ? amount(amounts.blockSize) : '',
    maxBlocks: amounts.kind === 'blocks' ? String(amounts.maxBlocksPerPurchase) : blank.maxBlocks,
    presets: amounts.kind === 'presets' ? amounts.presets.map(amount) : blank.presets,
    pricingKind: pricing.kind,
    unitAmount: pricing.kind === 'perUnit' ? amount(pricing.unitAmount) : '',
    prices:
      pricing.kind === 'perUnit'
        ? pricing.prices.map((line) => ({
            original: isInEffect(line.validFrom, today) ? line : null,
            validFrom: line.validFrom,
            zones: [...line.zones],
            holderType: line.holderType,
            price: euros(line.priceCents),
          }))
        : [],
    maxBalance: amount(policy.maxBalanceForTopUp),
    capKind: cap ? 'limited' : 'none',
    capPeriod: cap?.period ?? blank.capPeriod,
    capMeasure: cap?.measure ?? blank.capMeasure,
    capLimit: cap ? amountText(cap.limit, cap.measure === 'price' ? 'cents' : unit, language) : '',
    fees: policy.applicationFees.map((fee) => ({
      original: isInEffect(fee.validFrom, today) ? fee : null,
      validFrom: fee.validFrom,
      fee: euros(fee.feeCents),
    })),
    careKind: careGrant ? 'limited' : 'none',
    carePeriod: careGrant?.period ?? blank.carePeriod,
    careHours: careGrant ? amountText(careGrant.limitMinutes, 'minutes', language) : '',
    unusedKind: unusedBalance.kind,
    occasions: unusedBalance.kind === 'refundOnRequest' ? [...unusedBalance.occasions] : [],
  };
}

/** A value the form could not read (the API never sees it): where, and why. */
export interface LocalProblem {
  readonly path: string;
  readonly reason: 'notAnAmount' | 'notAWholeNumber' | 'required';
}

export interface SettingsInput {
  nameNl: string;
  nameEn: string;
  delegationAllowed: boolean;
  sessionPolicy: {
    maxDurationMinutes: number | null;
    defaultEnd: string;
    latestEnd: string;
    maxConcurrentSessions: number | null;
    insufficientBalance: string;
    invalidWeekdays: number[];
    pastStartToleranceMinutes: number;
  } | null;
  topUpPolicy: Record<string, unknown> | null;
  counter: CounterSettingsInput | null;
  vehicleSizeLimits?: { maxMassKg: number; maxLengthCm: number } | null;
  foreignPlates?: ForeignPlatePolicy;
  maxListedPlates?: number | null;
  validIn?: ZoneValidity;
  validZoneCodes?: string[];
  applicants?: {
    holderTypes: HolderType[];
    maxPerAddress: number | null;
    maxPerBusiness: number | null;
    maxPerEstablishment: number | null;
  };
}

/** The counter settings as the API takes them (null numbers: not typed, the API names them). */
export interface CounterSettingsInput {
  pricePerTermCents: number;
  period: string;
  alignment: string;
  chargesAdministrationFee: boolean;
  proRataRefund: string;
  plateChangeFeeCents: number;
  maxPlates: number;
  requiresPlate: boolean;
  renewalWindowDays: number;
  reminderDaysBefore: number | null;
  maxDaysAhead: number;
  reviewCases: string[];
  documents: { code: string; name: { nl: string; en: string }; when: string | null }[];
}

/**
 * The whole settings to send, in minutes and cents, or what could not be read. Lines are sent in
 * the form's order, so a problem's index (`prices[3]`) is the form's line 4. Empty required
 * numbers go as null: the API names them (SETTING_REQUIRED) with the rest.
 */
export function inputOf(
  draft: SettingsDraft,
  unit: AmountUnit | null,
): { input: SettingsInput; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const read = <T>(value: T | undefined, path: string, reason: LocalProblem['reason']) => {
    if (value === undefined) problems.push({ path, reason });
    return value ?? null;
  };
  const amount = (text: string, path: string, as: AmountUnit | null = unit) =>
    as ? read(parseAmount(text, as), path, 'notAnAmount') : null;
  const count = (text: string, path: string) => read(parseCount(text), path, 'notAWholeNumber');

  const session = draft.sessions;
  let sessionPolicy: SettingsInput['sessionPolicy'] = null;
  if (session) {
    const at = 'sessionPolicy';
    const tolerance = count(session.pastTolerance, `${at}.pastStartToleranceMinutes`);
    if (session.pastTolerance.trim() === '') {
      problems.push({ path: `${at}.pastStartToleranceMinutes`, reason: 'required' });
    }
    sessionPolicy = {
      maxDurationMinutes: read(
        parseHoursAndMinutes(session.maxHours, session.maxMinutes),
        `${at}.maxDurationMinutes`,
        'notAWholeNumber',
      ),
      defaultEnd: session.defaultEnd,
      latestEnd: session.latestEnd,
      maxConcurrentSessions: count(session.maxConcurrent, `${at}.maxConcurrentSessions`),
      insufficientBalance: session.insufficientBalance,
      invalidWeekdays: [...session.invalidWeekdays].sort((a, b) => a - b),
      pastStartToleranceMinutes: tolerance ?? 0,
    };
  }

  const topUp = draft.topUp;
  let topUpPolicy: Record<string, unknown> | null = null;
  if (topUp && unit) {
    const at = 'topUpPolicy';
    const amounts =
      topUp.amountsKind === 'blocks'
        ? {
            kind: 'blocks',
            blockSize: amount(topUp.blockSize, `${at}.amounts.blockSize`),
            maxBlocksPerPurchase: count(topUp.maxBlocks, `${at}.amounts.maxBlocksPerPurchase`),
          }
        : {
            kind: 'presets',
            presets: topUp.presets.map((preset, index) =>
              amount(preset, `${at}.amounts.presets[${index}]`),
            ),
          };
    const pricing =
      topUp.pricingKind === 'faceValue'
        ? { kind: 'faceValue' }
        : {
            kind: 'perUnit',
            unitAmount: amount(topUp.unitAmount, `${at}.pricing.unitAmount`),
            prices: topUp.prices.map(
              (line, index) =>
                line.original ?? {
                  validFrom: line.validFrom,
                  zones: line.zones,
                  holderType: line.holderType,
                  priceCents: amount(
                    line.price,
                    `${at}.pricing.prices[${index}].priceCents`,
                    'cents',
                  ),
                },
            ),
          };
    const capUnit = topUp.capMeasure === 'price' ? 'cents' : unit;
    topUpPolicy = {
      unit,
      amounts,
      pricing,
      maxBalanceForTopUp: amount(topUp.maxBalance, `${at}.maxBalanceForTopUp`),
      cap:
        topUp.capKind === 'none'
          ? null
          : {
              period: topUp.capPeriod,
              measure: topUp.capMeasure,
              limit: amount(topUp.capLimit, `${at}.cap.limit`, capUnit),
            },
      applicationFees: topUp.fees.map(
        (fee, index) =>
          fee.original ?? {
            validFrom: fee.validFrom,
            feeCents: amount(fee.fee, `${at}.applicationFees[${index}].feeCents`, 'cents'),
          },
      ),
      careGrant:
        topUp.careKind === 'none'
          ? null
          : {
              period: topUp.carePeriod,
              limitMinutes: amount(topUp.careHours, `${at}.careGrant.limitMinutes`, 'minutes'),
            },
      unusedBalance:
        topUp.unusedKind === 'lapse'
          ? { kind: 'lapse' }
          : {
              kind: 'refundOnRequest',
              occasions: refundOccasions.filter((occasion) => topUp.occasions.includes(occasion)),
            },
    };
  }

  const counter = draft.counter;
  let counterInput: CounterSettingsInput | null = null;
  if (counter) {
    const at = 'counter';
    // Required numbers left empty go as null: the domain names them (SETTING_REQUIRED).
    const required = (value: number | null) => value as number;
    counterInput = {
      pricePerTermCents: required(amount(counter.price, `${at}.pricePerTermCents`, 'cents')),
      period: counter.period,
      alignment: counter.alignment,
      chargesAdministrationFee: counter.chargesFee,
      proRataRefund: counter.proRata,
      plateChangeFeeCents: required(
        amount(counter.plateChangeFee, `${at}.plateChangeFeeCents`, 'cents'),
      ),
      requiresPlate: counter.requiresPlate,
      // Without plates there is nothing to count.
      maxPlates: counter.requiresPlate ? required(count(counter.maxPlates, `${at}.maxPlates`)) : 0,
      renewalWindowDays: required(count(counter.renewalWindowDays, `${at}.renewalWindowDays`)),
      reminderDaysBefore: count(counter.reminderDays, `${at}.reminderDaysBefore`),
      maxDaysAhead: required(count(counter.maxDaysAhead, `${at}.maxDaysAhead`)),
      reviewCases: counterReviewCases.filter((reviewCase) =>
        counter.reviewCases.includes(reviewCase),
      ),
      documents: counter.documents.map((document) => ({
        code: document.code.trim(),
        name: { nl: document.nameNl.trim(), en: document.nameEn.trim() },
        when: document.when === '' ? null : document.when,
      })),
    };
  }

  const scope = draft.scope;
  let scopeInput: Partial<SettingsInput> = {};
  if (scope) {
    const required = (value: number | null) => value as number;
    scopeInput = {
      // Empty required numbers go as null, as above: the domain names them.
      vehicleSizeLimits: scope.ownSizeLimits
        ? {
            maxMassKg: required(count(scope.maxMassKg, 'vehicleSizeLimits.maxMassKg')),
            maxLengthCm: required(count(scope.maxLengthCm, 'vehicleSizeLimits.maxLengthCm')),
          }
        : null,
      foreignPlates: scope.foreignPlates,
      maxListedPlates:
        scope.maxListedPlates === null ? null : count(scope.maxListedPlates, 'maxListedPlates'),
      validIn: scope.validIn,
      // A list only while the permit lists its zones (the API refuses one otherwise).
      validZoneCodes: scope.validIn === 'listedZones' ? [...scope.validZoneCodes] : [],
    };
  }

  const applicants = draft.applicants;
  if (applicants) {
    const at = 'applicants';
    // An empty maximum is no limit (null); the domain checks the numbers.
    scopeInput.applicants = {
      holderTypes: applicantKinds.filter((kind) => applicants.holderTypes.includes(kind)),
      maxPerAddress: count(applicants.maxPerAddress, `${at}.maxPerAddress`),
      maxPerBusiness: count(applicants.maxPerBusiness, `${at}.maxPerBusiness`),
      maxPerEstablishment: count(applicants.maxPerEstablishment, `${at}.maxPerEstablishment`),
    };
  }

  return {
    input: {
      nameNl: draft.nameNl,
      nameEn: draft.nameEn,
      delegationAllowed: draft.delegationAllowed,
      sessionPolicy,
      topUpPolicy,
      counter: counterInput,
      ...scopeInput,
    },
    problems,
  };
}
