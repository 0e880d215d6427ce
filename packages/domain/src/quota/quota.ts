import { ProblemList, type SettingProblem } from '../settings/settings-problem.js';
import { addDays } from '../time/local-date.js';
import { localDateOf, startOfDay } from '../time/zoned-time.js';

/**
 * A town's quota of one permit type in one zone (docs/rules.md §2 quotas): at most `limit`
 * places, and how many local days a waiting-list offer stays open. No quota (null) is no limit.
 */
export interface QuotaSetting {
  readonly limit: number;
  readonly offerDays: number;
}

/** Far above any zone's permits; a quota above it is a typing error. */
export const maxQuotaLimit = 100_000;
/** An offer open longer than two months leaves the next in line waiting for nothing. */
export const maxOfferDays = 60;
export const defaultOfferDays = 14;

/** Every problem in a quota as an admin entered it, each at its path (`quota.limit`). */
export function validateQuotaSetting(value: unknown, at = 'quota'): SettingProblem[] {
  const list = new ProblemList();
  if (!list.object(value, at)) return list.problems;
  const setting = value as Partial<Record<keyof QuotaSetting, unknown>>;
  // A quota of 0 is allowed: a zone full from the start, everyone waits.
  list.count(setting.limit, `${at}.limit`, { allowZero: true, max: maxQuotaLimit });
  list.count(setting.offerDays, `${at}.offerDays`, { max: maxOfferDays });
  return list.problems;
}

/**
 * What holds a place under the quota (docs/rules.md §2 quotas): the active and blocked permits
 * that have not ended, the open offers, and the new applications on their way to a permit
 * (awaiting payment or an official). An application on its way holds a place so that two
 * applicants never pay for the last one; it gives the place back when it is cancelled or
 * refused.
 */
export interface PlacesHeld {
  readonly permits: number;
  readonly offers: number;
  readonly applications: number;
}

export const placesTaken = (held: PlacesHeld): number =>
  held.permits + held.offers + held.applications;

/** The places still free under a quota; null (no quota) is unlimited. Never below zero. */
export function freePlaces(quota: QuotaSetting | null, held: PlacesHeld): number {
  if (!quota) return Number.POSITIVE_INFINITY;
  return Math.max(0, quota.limit - placesTaken(held));
}

/**
 * Whether a newcomer gets a place now, or joins the waiting list: a free place goes to those
 * already waiting first (`waiting`), so nobody jumps the line while an offer is on its way.
 */
export const hasFreePlace = (quota: QuotaSetting | null, held: PlacesHeld, waiting = 0): boolean =>
  freePlaces(quota, held) > waiting;

/** One entry of a waiting list: the order an admin set (`rank`), then who came first. */
export interface WaitingEntry {
  readonly id: string;
  readonly rank: number;
  readonly joinedAt: Date;
}

/** The waiting list in its order: rank, then the moment of joining, then id (stable). */
export function inLine<T extends WaitingEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.rank - b.rank ||
      a.joinedAt.getTime() - b.joinedAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** An entry's place in line, 1 for the first; null when it is not on the list. */
export function positionOf(entries: readonly WaitingEntry[], id: string): number | null {
  const index = inLine(entries).findIndex((entry) => entry.id === id);
  return index < 0 ? null : index + 1;
}

/**
 * Who gets an offer now: the first `free` entries in line (docs/rules.md §2 quotas, next in
 * line). With no free place nobody.
 */
export function nextInLine<T extends WaitingEntry>(entries: readonly T[], free: number): T[] {
  if (free <= 0) return [];
  return inLine(entries).slice(0, Number.isFinite(free) ? free : entries.length);
}

/**
 * The ranks after moving one entry to `position` (1-based, clamped to the list): the whole list
 * renumbered 1…n in its new order, so a later join (rank n+1) queues behind all of them.
 */
export function moveTo(
  entries: readonly WaitingEntry[],
  id: string,
  position: number,
): Array<{ readonly id: string; readonly rank: number }> {
  const ordered = inLine(entries);
  const index = ordered.findIndex((entry) => entry.id === id);
  if (index < 0) return ordered.map((entry, at) => ({ id: entry.id, rank: at + 1 }));
  const [moved] = ordered.splice(index, 1);
  const target = Math.min(Math.max(1, Math.trunc(position)), ordered.length + 1);
  ordered.splice(target - 1, 0, moved!);
  return ordered.map((entry, at) => ({ id: entry.id, rank: at + 1 }));
}

/** The rank a newcomer gets: behind everyone on the list. */
export const rankOfNewcomer = (entries: readonly WaitingEntry[]): number =>
  entries.reduce((max, entry) => Math.max(max, entry.rank), 0) + 1;

/**
 * When an offer made at `offeredAt` lapses (docs/rules.md §2 quotas, offer deadline): at the
 * end of the `offerDays`-th local day after the day of the offer, i.e. the local midnight that
 * follows it, across clock changes. Offered on 10 March with 14 days: payable to and including
 * 24 March.
 */
export function offerDeadline(offeredAt: Date, offerDays: number, timeZone: string): Date {
  const today = localDateOf(offeredAt, timeZone);
  return startOfDay(addDays(today, offerDays + 1), timeZone);
}

/** Whether an offer has lapsed at `now`. */
export const offerLapsed = (expiresAt: Date, now: Date): boolean =>
  now.getTime() >= expiresAt.getTime();
