import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, configVariables, loadConfig } from './config.js';
import { demoSigningKey } from '../modules/oauth/oauth-keys.js';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://parkeer@db/parkeer',
  PUBLIC_URL: 'https://parkeren.example.nl/',
  PAYMENT_PROVIDER: 'mollie',
  MOLLIE_API_KEY: 'live_abc',
  IDENTITY_HASH_KEY: 'a-production-key-for-the-bsn-hash-0123456789',
  OAUTH_COOKIE_KEYS: 'a-production-key-for-oauth-cookies-0123456789',
  OAUTH_SIGNING_KEY: demoSigningKey,
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the configuration', () => {
  it('runs a fresh machine in demo mode on port 4000 with the simulated bank', () => {
    const settings = loadConfig({});
    expect(settings).toMatchObject({
      PORT: 4000,
      PUBLIC_URL: 'http://localhost:4000',
      DEMO_MODE: true,
      PAYMENT_PROVIDER: 'simulated',
      production: false,
      TRUST_PROXY: false,
    });
  });

  it('takes an empty value as unset', () => {
    const settings = loadConfig({ DATABASE_URL: '', REDIS_URL: ' ', PORT: '', DEMO_MODE: '' });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.REDIS_URL).toBeUndefined();
    expect(settings.PORT).toBe(4000);
    expect(settings.DEMO_MODE).toBe(true);
  });

  it('lets PUBLIC_URL follow PORT unless it is set', () => {
    expect(loadConfig({ PORT: '4100' }).PUBLIC_URL).toBe('http://localhost:4100');
    expect(loadConfig({ PORT: '4100', PUBLIC_URL: 'https://p.example/' }).PUBLIC_URL).toBe(
      'https://p.example',
    );
  });

  it('names every bad value at once, with what was given', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'localhost:6379', DEMO_MODE: 'ja' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT: .*\(got "eighty"\)$/);
    expect(problems.join('\n')).toMatch(/REDIS_URL: must be a redis:\/\//);
    expect(problems.join('\n')).toMatch(/DEMO_MODE/);
  });

  it('accepts a complete production configuration, without demo mode', () => {
    const settings = loadConfig(production);
    expect(settings).toMatchObject({ production: true, DEMO_MODE: false });
    expect(settings.PAYMENT_PROVIDER).toBe('mollie');
    expect(settings.PUBLIC_URL).toBe('https://parkeren.example.nl');
  });

  it('refuses production without a real payment provider, database or public address', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/PAYMENT_PROVIDER: production needs a real payment/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL/);
    expect(problemsOf({ ...production, PAYMENT_PROVIDER: 'simulated' }).join('\n')).toMatch(
      /simulated bank is for development and demo mode only/,
    );
    expect(problemsOf({ ...production, MOLLIE_API_KEY: '' })).toEqual([
      'MOLLIE_API_KEY: required with PAYMENT_PROVIDER=mollie',
    ]);
  });

  it("never hashes passwords cheaper than argon2's own cost in production", () => {
    const cheap = {
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_TIME_COST: '1',
      PASSWORD_HASH_PARALLELISM: '1',
    };
    expect(loadConfig(production)).toMatchObject({
      PASSWORD_HASH_MEMORY_KIB: 65536,
      PASSWORD_HASH_TIME_COST: 3,
      PASSWORD_HASH_PARALLELISM: 4,
    });
    expect(problemsOf({ ...production, ...cheap })).toEqual([
      'PASSWORD_HASH_MEMORY_KIB: production hashes with at least 65536',
      'PASSWORD_HASH_TIME_COST: production hashes with at least 3',
      'PASSWORD_HASH_PARALLELISM: production hashes with at least 4',
    ]);
    expect(loadConfig({ ...production, PASSWORD_HASH_MEMORY_KIB: '131072' })).toMatchObject({
      PASSWORD_HASH_MEMORY_KIB: 131072,
    });
    expect(loadConfig({ NODE_ENV: 'test', ...cheap }).PASSWORD_HASH_TIME_COST).toBe(1);
  });

  it('never runs demo mode, demo data or a shifted clock in production', () => {
    expect(problemsOf({ ...production, DEMO_MODE: 'true' })).toEqual([
      'DEMO_MODE: demo mode is not allowed in production',
    ]);
    expect(problemsOf({ ...production, SEED_DEMO: 'true' })).toEqual([
      'SEED_DEMO: demo data is never seeded in production',
    ]);
    expect(problemsOf({ ...production, CLOCK_START: '2026-01-01T00:00:00Z' })).toEqual([
      'CLOCK_START: not allowed in production',
    ]);
  });

  it('reads TRUST_PROXY as express does: off, all, hops or addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(problemsOf({ TRUST_PROXY: 'the proxy' })[0]).toMatch(/^TRUST_PROXY/);
  });

  it('reads extra WebSocket origins as a list of addresses', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example/' }).ALLOWED_ORIGINS,
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(problemsOf({ ALLOWED_ORIGINS: 'a.example' })[0]).toMatch(/^ALLOWED_ORIGINS/);
  });

  it('is documented: .env.example and the README name every variable', () => {
    const root = new URL('../../../../', import.meta.url);
    const example = readFileSync(new URL('.env.example', root), 'utf8');
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const missing = configVariables.filter(
      (name) => !new RegExp(`^#?${name}=`, 'm').test(example) || !readme.includes(`\`${name}\``),
    );
    expect(missing).toEqual([]);
  });
});
