import { config } from '../../config/config.js';
import { logger } from '../../logging/logger.js';
import { registryEndpoint } from './registry-endpoints.js';
import { RegistryUnavailableError, type RegistryName } from './registry-names.js';

/** One question to a registry's HTTP API. */
export interface RegistryRequest {
  /**
   * A name for the question without personal data ('personen', 'kenteken'): logs carry this,
   * never the path or the body, which hold plates, postcodes and citizen service numbers.
   */
  readonly operation: string;
  /** Appended to the endpoint's base URL; query values are encoded by the caller. */
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  /** Headers besides `accept`/`content-type`, e.g. the registry's API key header. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The registry's JSON answer, or that it knows nothing by that key (404). */
export type RegistryAnswer<T> =
  { readonly found: true; readonly body: T } | { readonly found: false };

/** Statuses worth one more try: the registry or a proxy in front of it was busy. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * Asks a registry once, and once more on a timeout, a network error or a server error, within
 * `REGISTRY_TIMEOUT_MS` each. Throws `RegistryUnavailableError` when both fail, or when the
 * registry is not configured: callers send the case to an official then, never to a yes.
 * `headers` gets the endpoint's key (each registry names its own header).
 */
export async function askRegistry<T>(
  registry: RegistryName,
  request: RegistryRequest,
  headers: (apiKey: string | null) => Readonly<Record<string, string>> = () => ({}),
): Promise<RegistryAnswer<T>> {
  const endpoint = await registryEndpoint(registry);
  if (!endpoint) throw new RegistryUnavailableError(registry, 'not configured');
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}${request.path}`;
  const timeoutMs = config().REGISTRY_TIMEOUT_MS;
  let detail = '';
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: request.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers(endpoint.apiKey),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const ms = Math.round(performance.now() - started);
      logger.debug(
        { registry, operation: request.operation, status: response.status, ms, attempt },
        'registry answered',
      );
      if (response.status === 404) {
        await response.body?.cancel();
        return { found: false };
      }
      if (response.ok) return { found: true, body: (await response.json()) as T };
      await response.body?.cancel();
      detail = `status ${response.status}`;
      if (!retryable(response.status)) break;
    } catch (error) {
      detail = error instanceof Error ? error.name : 'error';
    }
  }
  logger.warn({ registry, operation: request.operation, detail }, 'registry unavailable');
  throw new RegistryUnavailableError(registry, detail);
}
