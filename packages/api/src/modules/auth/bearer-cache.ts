/**
 * Bearer logins (scan cars, apps) recently read from the database, so a device that checks
 * plates all day does not cost a login query per check. Only bearer tokens: cookie logins stay
 * exact. An entry is trusted for `bearerCacheTtlMs`; logging out or ending an account's logins
 * on this instance removes it at once, on another instance it lapses within the TTL.
 */
export const bearerCacheTtlMs = 10_000;
const maxEntries = 10_000;

export interface CachedLogin<T> {
  readonly login: T;
  readonly cachedAt: number;
}

export class BearerCache<T extends { id: string; account_id: string }> {
  private readonly entries = new Map<string, CachedLogin<T>>();

  /** The login of a token hash, if read within the TTL; `clock` is a process clock in ms. */
  get(tokenHash: string, clock: number): T | null {
    const hit = this.entries.get(tokenHash);
    if (!hit) return null;
    if (clock - hit.cachedAt >= bearerCacheTtlMs || clock < hit.cachedAt) {
      this.entries.delete(tokenHash);
      return null;
    }
    return hit.login;
  }

  set(tokenHash: string, login: T, clock: number): void {
    // Map keeps insertion order: the first key is the oldest entry.
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { login, cachedAt: clock });
  }

  forgetLogin(loginId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.login.id === loginId) this.entries.delete(hash);
    }
  }

  forgetAccount(accountId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.login.account_id === accountId) this.entries.delete(hash);
    }
  }
}
