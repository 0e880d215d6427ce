import { afterAll, beforeAll } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { startFakeMollie, trustFakeMollie, type FakeMollie } from './fake-mollie.js';

/**
 * The API configured for Mollie (`PAYMENT_PROVIDER=mollie`) against a fake Mollie on loopback,
 * for the tests of the enclosing `describe`; the environment is restored afterwards. Call it
 * before `useDemoApi`. The returned object is the fake once `beforeAll` has run.
 */
export function useFakeMollie(): FakeMollie {
  const fake = {} as FakeMollie;
  const environment = { ...process.env };
  let untrust: (() => void) | undefined;
  let started: FakeMollie | undefined;
  beforeAll(async () => {
    started = await startFakeMollie();
    Object.assign(fake, started);
    untrust = trustFakeMollie();
    Object.assign(process.env, {
      PAYMENT_PROVIDER: 'mollie',
      MOLLIE_API_KEY: started.apiKey,
      MOLLIE_API_URL: started.apiUrl,
    });
    reloadConfig();
  });
  afterAll(async () => {
    process.env = environment;
    reloadConfig();
    untrust?.();
    await started?.close();
  });
  return fake;
}
