import type { RegistryName } from '../modules/registry/registry-names.js';
import { startBagFake } from './bag-fake.js';
import { startBrpFake } from './brp-fake.js';
import { startFakeRegistryServer, type FakeRegistryServer } from './fake-registry-server.js';
import { startKvkFake } from './kvk-fake.js';
import { startRdwFake } from './rdw-fake.js';

/**
 * Each registry's fake with the demo's recorded examples, started on loopback by demo mode
 * (`REGISTRY_FAKES`) and by the tests. A registry without its fake yet answers 404 to
 * everything (it knows nobody), which the adapters read as "not found", never as a yes.
 */
const fakeStarters: Partial<Record<RegistryName, () => Promise<FakeRegistryServer>>> = {
  kvk: startKvkFake,
  bag: startBagFake,
  rdw: startRdwFake,
  brp: startBrpFake,
};

export interface RegistryFakes {
  readonly urls: Readonly<Record<RegistryName, string>>;
  readonly servers: Readonly<Record<RegistryName, FakeRegistryServer>>;
  close(): Promise<void>;
}

export async function startRegistryFakes(): Promise<RegistryFakes> {
  const names: RegistryName[] = ['brp', 'bag', 'rdw', 'kvk'];
  const started = await Promise.all(
    names.map(
      (name) =>
        fakeStarters[name]?.() ?? startFakeRegistryServer(() => ({ status: 404, body: {} })),
    ),
  );
  const servers = Object.fromEntries(names.map((name, i) => [name, started[i]!])) as Record<
    RegistryName,
    FakeRegistryServer
  >;
  return {
    servers,
    urls: Object.fromEntries(names.map((name) => [name, servers[name].url])) as Record<
      RegistryName,
      string
    >,
    close: async () => {
      await Promise.all(started.map((server) => server.close()));
    },
  };
}
