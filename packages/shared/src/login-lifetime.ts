const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * How long a login lasts without activity, and at most (docs/rules.md §6: logout after inactivity), in
 * milliseconds. The API expires logins by it; the web app logs out an idle browser by it.
 */
export const loginLifetime = {
  short: { idle: 30 * minute, absolute: 12 * 60 * minute },
  remember: { idle: 30 * day, absolute: 90 * day },
  bearer: { idle: 365 * day, absolute: 365 * day },
  /**
   * A visitor permit's registration number + PIN, without an account (docs/rules.md §6,
   * "Sign-in with registration number and PIN"): the letter's four digits are easier to come by
   * than a password, so this login ends sooner.
   */
  registration: { idle: 15 * minute, absolute: 4 * 60 * minute },
} as const;
