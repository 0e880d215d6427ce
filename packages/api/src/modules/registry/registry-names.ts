import type { RegistryName } from '@parkeer/shared/registry-name';

export { registryNames, type RegistryName } from '@parkeer/shared/registry-name';

/** A registry that did not answer in time, or answered with a server error, twice. */
export class RegistryUnavailableError extends Error {
  constructor(
    readonly registry: RegistryName,
    readonly detail: string,
  ) {
    super(`registry ${registry} unavailable: ${detail}`);
    this.name = 'RegistryUnavailableError';
  }
}
