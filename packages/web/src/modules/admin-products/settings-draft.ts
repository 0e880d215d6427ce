import type {
  CapPeriod,
  DatedFee,
  RefundOccasion,
  TopUpPolicy,
  TopUpPrice,
} from '@parkeer/domain/balance/top-up-policy';
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

/** Every setting of a product type as the form holds it: typed text, not yet numbers. */
export interface SettingsDraft {
  nameNl: string;
  nameEn: string;
  delegationAllowed: boolean;
  sessions: SessionDraft | null;
  topUp: TopUpDraft | null;
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
  };
  return draft;
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

  return {
    input: {
      nameNl: draft.nameNl,
      nameEn: draft.nameEn,
      delegationAllowed: draft.delegationAllowed,
      sessionPolicy,
      topUpPolicy,
    },
    problems,
  };
}
