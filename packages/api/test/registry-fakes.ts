import { afterAll, beforeAll } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { startRegistryFakes, type RegistryFakes } from '../src/registry-fakes/registry-fakes.js';
import type { FakeRegistryServer } from '../src/registry-fakes/fake-registry-server.js';
import type { RegistryName } from '../src/modules/registry/registry-names.js';

const urlVariables: Record<RegistryName, string> = {
  brp: 'BRP_API_URL',
  bag: 'BAG_API_URL',
  rdw: 'RDW_API_URL',
  kvk: 'KVK_API_URL',
};

/**
 * The fake registries on loopback for the tests of the enclosing `describe`, configured as a
 * production deployment configures the real ones (`*_API_URL`, a short REGISTRY_TIMEOUT_MS),
 * so tests can switch one to down or silent (`fakes.brp.mode = 'down'`). Call it before
 * `useDemoApi`. A file whose first questions fan out (KvK's establishment profiles) may ask for a
 * longer `timeoutMs`, so a cold start under CI load is not read as a silent registry.
 */
export function useRegistryFakes({ timeoutMs = 1000 } = {}): Record<
  RegistryName,
  FakeRegistryServer
> {
  const servers = {} as Record<RegistryName, FakeRegistryServer>;
  let fakes: RegistryFakes | undefined;
  const saved = new Map<string, string | undefined>();
  beforeAll(async () => {
    fakes = await startRegistryFakes();
    Object.assign(servers, fakes.servers);
    const variables: Record<string, string> = {
      REGISTRY_FAKES: 'false',
      // Long enough for a loopback fake on a loaded 2-core CI machine; a silent fake costs two.
      REGISTRY_TIMEOUT_MS: String(timeoutMs),
      // Each fake refuses a call without its registry's key header, as the real ones do.
      BRP_API_KEY: 'test-key',
      BAG_API_KEY: 'test-key',
      RDW_APP_TOKEN: 'test-key',
      KVK_API_KEY: 'test-key',
      // Tests switch a fake to down or silent and expect the next question to see it; the KvK
      // cache's own test turns the cache on.
      KVK_CACHE_TTL_MS: '0',
      ...Object.fromEntries(
        Object.entries(urlVariables).map(([name, variable]) => [
          variable,
          fakes!.urls[name as RegistryName],
        ]),
      ),
    };
    for (const [name, value] of Object.entries(variables)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    reloadConfig();
  });
  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    reloadConfig();
    await fakes?.close();
  });
  return servers;
}
