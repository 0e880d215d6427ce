import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';

/** One wrong value in settings an admin entered: what is wrong and where, e.g. `cap.limit`. */
export interface SettingProblem {
  readonly code: ErrorCode;
  readonly path: string;
  readonly params?: MessageParams;
}

/**
 * The largest amount a setting may hold: far above any real one, and far below what the
 * balance and ledger columns (32-bit integers) can hold once amounts are added up.
 */
export const maxAmount = 10_000_000;

/** Collects problems while walking a settings object; every check says where it looks. */
export class ProblemList {
  readonly problems: SettingProblem[] = [];

  add(code: ErrorCode, path: string, params?: MessageParams): void {
    this.problems.push(params ? { code, path, params } : { code, path });
  }

  /**
   * A whole number > 0 (or ≥ 0 with `allowZero`), at most `max` (default: what a balance column
   * holds); null passes when `nullable`.
   */
  count(
    value: unknown,
    path: string,
    options: { nullable?: boolean; allowZero?: boolean; max?: number } = {},
  ): value is number {
    if (value === null || value === undefined) {
      if (!options.nullable) this.add('SETTING_REQUIRED', path);
      return false;
    }
    const ok =
      typeof value === 'number' &&
      Number.isSafeInteger(value) &&
      (options.allowZero ? value >= 0 : value > 0);
    if (!ok) this.add(options.allowZero ? 'SETTING_NEGATIVE' : 'SETTING_NOT_POSITIVE', path);
    const max = options.max ?? maxAmount;
    if (ok && (value as number) > max) {
      this.add('SETTING_TOO_LARGE', path, { max });
      return false;
    }
    return ok;
  }

  /** One of the listed values. */
  choice<T extends string>(value: unknown, choices: readonly T[], path: string): value is T {
    if (value === null || value === undefined) {
      this.add('SETTING_REQUIRED', path);
      return false;
    }
    const ok = choices.includes(value as T);
    if (!ok) this.add('SETTING_INVALID_CHOICE', path);
    return ok;
  }

  /** A plain object; anything else is reported as a missing value. */
  object(value: unknown, path: string): value is Record<string, unknown> {
    const ok = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!ok) this.add('SETTING_REQUIRED', path);
    return ok;
  }

  list(value: unknown, path: string): value is unknown[] {
    const ok = Array.isArray(value);
    if (!ok) this.add('SETTING_REQUIRED', path);
    return ok;
  }
}
