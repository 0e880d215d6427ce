import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type ComposeService = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** compose.yaml at the repository's root, its `<<:` merges applied. */
export function readCompose(): { services: Record<string, ComposeService> } {
  return parse(readFileSync(new URL('../../../compose.yaml', import.meta.url), 'utf8'), {
    merge: true,
  }) as { services: Record<string, ComposeService> };
}

/** The API's instances: the services that run Parkeer's image. */
export function apiServices(services: Record<string, ComposeService>): [string, ComposeService][] {
  return Object.entries(services).filter(([, service]) =>
    /^\$\{PARKEER_IMAGE/.test(String(service.image)),
  );
}

/** What an operator fills in for compose's `required` settings (example values). */
export const operatorValues: Readonly<Record<string, string>> = {
  PARKEER_DOMAIN: 'parkeren.example.nl',
  POSTGRES_PASSWORD: 'a-password',
  MOLLIE_API_KEY: 'live_example',
  IDENTITY_HASH_KEY: 'an-identity-hash-key-of-32-characters',
  SMTP_URL: 'smtps://user:password@mail.example.nl',
  OAUTH_COOKIE_KEYS: 'an-oauth-cookie-key-of-32-characters-or-more',
  OAUTH_SIGNING_KEY: JSON.stringify(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
  ),
};

/** Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?message}` with the operator's values. */
export function interpolate(value: string, operator: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, kind?: string, rest?: string) => {
      if (operator[name] !== undefined) return operator[name];
      if (kind === '-') return rest ?? '';
      throw new Error(`${name} is required: ${rest}`);
    },
  );
}

/** A service's environment as the container gets it. */
export function environmentOf(
  service: ComposeService,
  operator: Record<string, string> = operatorValues,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment as Record<string, unknown>).map(([name, value]) => [
      name,
      interpolate(String(value), operator),
    ]),
  );
}
