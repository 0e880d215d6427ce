import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { endOfPaidHoursOnDayOf, nextPaidStart, type Regime } from '../regime/regime.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { localDateOf } from '../time/zoned-time.js';

/**
 * The flexible business permit's daily registration (docs/rules.md §5, The flexible business
 * permit; source 000): the business lists its employees' and visitors' plates, registers one of
 * them every day, the registration stops when the zone's paid hours end that day, and one plate
 * is registered at a time.
 */

export type FlexRefusalCode = Extract<ErrorCode, `FLEX_${string}`>;

export interface FlexRefusal {
  readonly ok: false;
  readonly reason: FlexRefusalCode;
  readonly params?: MessageParams;
}

/** Who a listed plate belongs to: the business's own staff or its visitors. */
export const listedPlateRoles = ['employee', 'visitor'] as const;
export type ListedPlateRole = (typeof listedPlateRoles)[number];

/** A name on the list is short: it is shown on a phone beside the plate. */
export const maxListedPlateNameLength = 40;

/**
 * May `plate` join a list that holds `listed` (normalised plates), with the town's maximum
 * `max`? (docs/rules.md §5: the town sets how many plates a permit lists.)
 */
export function decideListPlate(
  listed: readonly string[],
  plate: string,
  name: string,
  max: number,
): { readonly ok: true } | FlexRefusal {
  if (name.trim().length === 0) return { ok: false, reason: 'FLEX_PLATE_NAME_REQUIRED' };
  if (name.trim().length > maxListedPlateNameLength) {
    return {
      ok: false,
      reason: 'FLEX_PLATE_NAME_TOO_LONG',
      params: { max: maxListedPlateNameLength },
    };
  }
  if (listed.includes(plate)) {
    return { ok: false, reason: 'FLEX_PLATE_ALREADY_LISTED', params: { plate } };
  }
  if (listed.length >= max)
    return { ok: false, reason: 'FLEX_PLATE_LIMIT_REACHED', params: { max } };
  return { ok: true };
}

/** When today's registration runs: from now (or today's first paid minute) to the end of paid hours. */
export interface RegistrationWindow {
  readonly ok: true;
  readonly start: Date;
  /** The end of the zone's paid hours today: the registration never runs into tomorrow. */
  readonly end: Date;
  /** Registered before today's paid hours: it starts when they do. */
  readonly planned: boolean;
  /** The local day the registration is for; tomorrow needs a registration of its own. */
  readonly date: LocalDate;
}

/**
 * Today's registration window at `now` (docs/rules.md §5): a registration is for one day only, so
 * before paid hours it is planned for today's first paid minute, during them it starts now, and
 * after the day's last paid window (or on a day without paid hours) it is refused: nobody needs
 * one then, and the leaflet wants tomorrow registered tomorrow.
 */
export function registrationWindow(
  now: Date,
  regime: Regime,
  timeZone: string,
): RegistrationWindow | (FlexRefusal & { readonly nextDate: LocalDate | null }) {
  const date = localDateOf(now, timeZone);
  // Only today's windows (0 days ahead): a later day is its own registration.
  const start = nextPaidStart(regime, now, timeZone, 0);
  const end = start ? endOfPaidHoursOnDayOf(regime, start, timeZone) : null;
  if (!start || !end || localDateOf(start, timeZone) !== date) {
    const next = nextPaidStart(regime, now, timeZone, 7);
    const nextDate = next ? localDateOf(next, timeZone) : null;
    return {
      ok: false,
      reason: 'FLEX_NO_PAID_HOURS_LEFT_TODAY',
      nextDate: nextDate !== date ? nextDate : addDays(date, 1),
    };
  }
  return { ok: true, start, end, planned: start > now, date };
}

/** An open (planned or running) session of the permit, as the registration decision needs it. */
export interface OpenRegistration {
  readonly id: string;
  readonly plate: string;
}

/** Register the plate: start it, stopping (or taking back, when planned) the ones in `replaces`. */
export interface RegistrationPlan {
  readonly ok: true;
  readonly replaces: readonly string[];
}

/**
 * Registers `plate` on a permit whose open registrations are `open` (docs/rules.md §5, one plate at a
 * time): only a listed plate; a plate already registered stays as it is (refused, nothing to do);
 * another plate's registration is stopped by the new one, so part-time employees take turns with
 * one tap and never two plates count at once.
 */
export function decideRegistration(
  plate: string,
  listed: readonly string[],
  open: readonly OpenRegistration[],
): RegistrationPlan | FlexRefusal {
  if (!listed.includes(plate))
    return { ok: false, reason: 'FLEX_PLATE_NOT_LISTED', params: { plate } };
  if (open.some((registration) => registration.plate === plate)) {
    return { ok: false, reason: 'FLEX_PLATE_ALREADY_REGISTERED', params: { plate } };
  }
  return { ok: true, replaces: open.map((registration) => registration.id) };
}
