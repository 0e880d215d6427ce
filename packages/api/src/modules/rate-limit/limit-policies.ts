/** What an attempt is counted against. Every id is hashed before it is stored or logged. */
export type SubjectKind = 'account' | 'email' | 'address' | 'permit';

export interface LimitPolicy {
  /** Attempts allowed per window. */
  readonly points: number;
  /** The window starts at the first attempt and ends this long after it. */
  readonly windowSeconds: number;
  /**
   * Reaching the limit locks the key for `firstSeconds`, doubling with each further lockout of
   * the key within 24 hours, up to `maxSeconds`. Without: the key just waits for its window.
   */
  readonly lockout?: { readonly firstSeconds: number; readonly maxSeconds: number };
}

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/** How long a key's lockouts count towards the next one's length. */
export const lockoutMemorySeconds = day;

/**
 * Every limit on guessing and flooding, per what is counted. The numbers are the product's
 * decision (issue 13); tests read them from here.
 */
export const limitPolicies = {
  /** Passwords, by `login`, `createAccessToken` and a link's password confirmation alike. */
  login: {
    // Per e-mail address typed, whether or not it is an account's (so the limit tells nothing).
    account: {
      points: 5,
      windowSeconds: 15 * minute,
      lockout: { firstSeconds: 15 * minute, maxSeconds: hour },
    },
    // One client trying many accounts: six accounts' worth per window.
    address: {
      points: 30,
      windowSeconds: 15 * minute,
      lockout: { firstSeconds: 15 * minute, maxSeconds: hour },
    },
  },
  /** Reset mails: per address mailed (then quietly none), per client (then RATE_LIMITED). */
  passwordReset: {
    email: { points: 3, windowSeconds: hour },
    address: { points: 10, windowSeconds: hour },
  },
  /**
   * A reset link checked when its page opens (tokens are unguessable; this keeps a client from
   * using the check as a free oracle at volume), per client.
   */
  passwordResetLink: {
    address: { points: 30, windowSeconds: 15 * minute },
  },
  /**
   * Product code + PIN: a 4-digit PIN must not be guessable. Per account (and the accounts that
   * invited it, see product-code.service.ts) and per client, so new accounts share one budget.
   */
  productCode: {
    account: {
      points: 5,
      windowSeconds: 15 * minute,
      lockout: { firstSeconds: 15 * minute, maxSeconds: 4 * hour },
    },
    address: {
      points: 10,
      windowSeconds: 15 * minute,
      lockout: { firstSeconds: 15 * minute, maxSeconds: 4 * hour },
    },
  },
  /**
   * Registration number + PIN without an account (the phone line, docs/rules.md §5): the numbers
   * of `productCode`, counted per permit (by the registration number keyed, known or not) and per
   * client (the caller's number), so neither many callers nor many numbers guess a PIN.
   */
  registrationPin: {
    permit: {
      points: 5,
      windowSeconds: 15 * minute,
      lockout: { firstSeconds: 15 * minute, maxSeconds: 4 * hour },
    },
    address: {
      points: 10,
      windowSeconds: 15 * minute,
      lockout: { firstSeconds: 15 * minute, maxSeconds: 4 * hour },
    },
  },
  /**
   * A new PIN by letter (docs/rules.md §6): one letter per permit a day, whoever asks (keyed by
   * the product code, known or not, so the sign-in page's answer tells nothing), and from the
   * sign-in page ten a day per client, so one client cannot send letters to many numbers.
   */
  newPinLetter: {
    permit: { points: 1, windowSeconds: day },
    address: { points: 10, windowSeconds: day },
  },
  /** Invitations (each can make an account): per product and per inviting account, a day. */
  delegationInvite: {
    permit: { points: 10, windowSeconds: day },
    account: { points: 20, windowSeconds: day },
  },
  /**
   * Uploads to the permit counter (`POST /documents`, up to 5 MB each): an application needs a
   * few; this keeps one account or client from filling the database.
   */
  documentUpload: {
    account: { points: 20, windowSeconds: hour },
    address: { points: 60, windowSeconds: hour },
  },
  /**
   * DigiD / eHerkenning logins started and answered, per client: each start writes a row and asks
   * the broker, and a callback is where forged answers would be tried.
   */
  identityLogin: {
    address: { points: 40, windowSeconds: 15 * minute },
  },
} as const satisfies Record<string, Partial<Record<SubjectKind, LimitPolicy>>>;

export type LimitName = keyof typeof limitPolicies;
export type KindOf<Name extends LimitName> = keyof (typeof limitPolicies)[Name] & SubjectKind;

/** The n-th lockout's length (n from 1). */
export function lockoutSeconds(policy: LimitPolicy, n: number): number {
  if (!policy.lockout) return 0;
  const { firstSeconds, maxSeconds } = policy.lockout;
  return Math.min(maxSeconds, firstSeconds * 2 ** Math.min(n - 1, 30));
}
