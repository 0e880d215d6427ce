import { config } from '../../config/config.js';
import type { RegistryName } from './registry-names.js';

/** Where a registry is reached, and the credentials its API asks for. */
export interface RegistryEndpoint {
  readonly baseUrl: string;
  /** Sent as the registry's own header (see each adapter); null when it needs none. */
  readonly apiKey: string | null;
}

/** What starts the demo's fake registries: given by the server (they sit above this module). */
export type FakeRegistriesStarter = () => Promise<{
  readonly urls: Readonly<Record<RegistryName, string>>;
  close(): Promise<void>;
}>;

let startFakes: FakeRegistriesStarter | undefined;
let fakes: Promise<Readonly<Record<RegistryName, string>>> | undefined;
let stopFakes: (() => Promise<void>) | undefined;

/** Demo mode: the fakes this process starts on first use (`REGISTRY_FAKES`). */
export function provideRegistryFakes(starter: FakeRegistriesStarter): void {
  startFakes = starter;
}

/**
 * The configured endpoint of a registry, or the loopback fake's in demo mode
 * (`REGISTRY_FAKES`; production refuses it). Null when the registry is not configured: the
 * adapters then treat it as unavailable, which sends an application to an official rather
 * than answering yes.
 */
export async function registryEndpoint(name: RegistryName): Promise<RegistryEndpoint | null> {
  const settings = config();
  if (settings.REGISTRY_FAKES) {
    if (!startFakes) return null;
    const starter = startFakes;
    fakes ??= starter().then((started) => {
      stopFakes = started.close;
      return started.urls;
    });
    return { baseUrl: (await fakes)[name], apiKey: 'demo' };
  }
  const configured: Record<RegistryName, { url?: string; key?: string }> = {
    brp: { url: settings.BRP_API_URL, key: settings.BRP_API_KEY },
    bag: { url: settings.BAG_API_URL, key: settings.BAG_API_KEY },
    rdw: { url: settings.RDW_API_URL, key: settings.RDW_APP_TOKEN },
    kvk: { url: settings.KVK_API_URL, key: settings.KVK_API_KEY },
  };
  const { url, key } = configured[name];
  return url ? { baseUrl: url, apiKey: key ?? null } : null;
}

/** Stops the demo's fake registries if this process started them (server shutdown). */
export async function stopRegistryFakes(): Promise<void> {
  const stop = stopFakes;
  fakes = undefined;
  stopFakes = undefined;
  await stop?.();
}
