import { describe, expect, it } from 'vitest';
import { BearerCache, bearerCacheTtlMs } from './bearer-cache.js';

const login = (id: string, account = 'account-1') => ({ id, account_id: account });

describe('the bearer login cache', () => {
  it('trusts an entry for the TTL only, and never a clock that went back', () => {
    const cache = new BearerCache<ReturnType<typeof login>>();
    cache.set('hash', login('a'), 1000);
    expect(cache.get('hash', 1000 + bearerCacheTtlMs - 1)).toEqual(login('a'));
    expect(cache.get('hash', 1000 + bearerCacheTtlMs)).toBeNull();
    cache.set('hash', login('a'), 5000);
    expect(cache.get('hash', 4999)).toBeNull();
  });

  it('forgets a logout and every login of an account at once', () => {
    const cache = new BearerCache<ReturnType<typeof login>>();
    cache.set('one', login('a', 'x'), 0);
    cache.set('two', login('b', 'x'), 0);
    cache.set('three', login('c', 'y'), 0);
    cache.forgetLogin('a');
    expect(cache.get('one', 1)).toBeNull();
    expect(cache.get('two', 1)).not.toBeNull();
    cache.forgetAccount('x');
    expect(cache.get('two', 1)).toBeNull();
    expect(cache.get('three', 1)).toEqual(login('c', 'y'));
  });

  it('stays bounded, dropping the oldest entry first', () => {
    const cache = new BearerCache<ReturnType<typeof login>>();
    for (let i = 0; i <= 10_000; i++) cache.set(`h${i}`, login(`l${i}`), 0);
    expect(cache.get('h0', 1)).toBeNull();
    expect(cache.get('h1', 1)).not.toBeNull();
    expect(cache.get('h10000', 1)).not.toBeNull();
  });
});
