import {
  permitPeriods,
  proRataRules,
  reviewCases,
  termAlignments,
  type CounterSettings,
  type PermitPeriod,
  type ReviewCase,
} from '../counter/counter-settings.js';
import { ProblemList, type SettingProblem } from './settings-problem.js';

/** The shortest length of each period in days: a window or reminder must fit inside a term. */
const shortestTermDays: Record<PermitPeriod, number> = {
  day: 1,
  month: 28,
  quarter: 89,
  halfYear: 181,
  year: 365,
};

/** A permit with more plates than this is a fleet, which the counter does not sell. */
export const maxCounterPlates = 10;
/** Starting more than a year ahead is not applying, it is reserving. */
export const maxCounterDaysAhead = 365;
/** More documents than this would not be read by anyone deciding. */
export const maxCounterDocuments = 10;
/** The document code column's width; names are shown beside an upload field. */
const maxDocumentCodeLength = 60;
const maxDocumentNameLength = 80;
const documentCodePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Every problem in a product type's counter settings as an admin entered them, each with its
 * path (`counter.pricePerTermCents`), so the form shows it beside the field
 * (docs/rules.md §1, counter settings). Unknown shapes are reported, never thrown.
 */
export function validateCounterSettings(value: unknown, at = 'counter'): SettingProblem[] {
  const list = new ProblemList();
  if (!list.object(value, at)) return list.problems;
  const settings = value as Partial<Record<keyof CounterSettings, unknown>>;

  list.count(settings.pricePerTermCents, `${at}.pricePerTermCents`, { allowZero: true });
  const period = list.choice(settings.period, permitPeriods, `${at}.period`)
    ? (settings.period as PermitPeriod)
    : null;
  list.choice(settings.alignment, termAlignments, `${at}.alignment`);
  flag(list, settings.chargesAdministrationFee, `${at}.chargesAdministrationFee`);
  list.choice(settings.proRataRefund, proRataRules, `${at}.proRataRefund`);
  list.count(settings.plateChangeFeeCents, `${at}.plateChangeFeeCents`, { allowZero: true });

  const requiresPlate = flag(list, settings.requiresPlate, `${at}.requiresPlate`)
    ? (settings.requiresPlate as boolean)
    : null;
  // Without plates there is nothing to count; with them at least the active one.
  list.count(settings.maxPlates, `${at}.maxPlates`, {
    allowZero: requiresPlate === false,
    max: maxCounterPlates,
  });
  if (requiresPlate === false && isPositive(settings.plateChangeFeeCents)) {
    list.add('SETTING_INVALID_CHOICE', `${at}.plateChangeFeeCents`);
  }

  const termDays = period ? shortestTermDays[period] : undefined;
  list.count(settings.renewalWindowDays, `${at}.renewalWindowDays`, {
    allowZero: true,
    max: termDays,
  });
  list.count(settings.reminderDaysBefore, `${at}.reminderDaysBefore`, {
    nullable: true,
    max: termDays,
  });
  list.count(settings.maxDaysAhead, `${at}.maxDaysAhead`, {
    allowZero: true,
    max: maxCounterDaysAhead,
  });

  if (settings.alwaysReviewed !== undefined && settings.alwaysReviewed !== null) {
    flag(list, settings.alwaysReviewed, `${at}.alwaysReviewed`);
  }
  const accepted = reviewCaseList(list, settings.reviewCases, `${at}.reviewCases`);
  documentList(list, settings.documents, `${at}.documents`, accepted);
  return list.problems;
}

function flag(list: ProblemList, value: unknown, path: string): value is boolean {
  const ok = typeof value === 'boolean';
  if (!ok) list.add('SETTING_REQUIRED', path);
  return ok;
}

const isPositive = (value: unknown) => typeof value === 'number' && value > 0;

/** The review cases the product accepts: known ones, each once. */
function reviewCaseList(list: ProblemList, value: unknown, path: string): Set<ReviewCase> {
  const seen = new Set<ReviewCase>();
  if (!list.list(value, path)) return seen;
  value.forEach((reviewCase, index) => {
    if (!list.choice(reviewCase, reviewCases, `${path}[${index}]`)) return;
    if (seen.has(reviewCase)) list.add('SETTING_INVALID_CHOICE', `${path}[${index}]`);
    seen.add(reviewCase);
  });
  return seen;
}

/**
 * The documents asked for: a unique code, a name in both languages, and a review case the
 * product accepts when the document is asked only in one (else it could never be asked).
 */
function documentList(
  list: ProblemList,
  value: unknown,
  path: string,
  accepted: ReadonlySet<ReviewCase>,
): void {
  if (!list.list(value, path)) return;
  if (value.length > maxCounterDocuments) {
    list.add('SETTING_TOO_LARGE', path, { max: maxCounterDocuments });
  }
  const codes = new Set<string>();
  value.forEach((document, index) => {
    const at = `${path}[${index}]`;
    if (!list.object(document, at)) return;
    const { code, name, when } = document as Record<string, unknown>;
    if (typeof code !== 'string' || code.trim() === '') list.add('SETTING_REQUIRED', `${at}.code`);
    else if (code.length > maxDocumentCodeLength) {
      list.add('SETTING_TOO_LONG', `${at}.code`, { max: maxDocumentCodeLength });
    } else if (!documentCodePattern.test(code) || codes.has(code)) {
      list.add('SETTING_INVALID_CHOICE', `${at}.code`);
    }
    if (typeof code === 'string') codes.add(code);
    const names = (typeof name === 'object' && name !== null ? name : {}) as Record<
      string,
      unknown
    >;
    for (const language of ['nl', 'en'] as const) {
      const text = names[language];
      if (typeof text !== 'string' || text.trim() === '') {
        list.add('SETTING_REQUIRED', `${at}.name.${language}`);
      } else if (text.trim().length > maxDocumentNameLength) {
        list.add('SETTING_TOO_LONG', `${at}.name.${language}`, { max: maxDocumentNameLength });
      }
    }
    if (when !== null && when !== undefined) {
      if (!reviewCases.includes(when as ReviewCase) || !accepted.has(when as ReviewCase)) {
        list.add('SETTING_INVALID_CHOICE', `${at}.when`);
      }
    }
  });
}
