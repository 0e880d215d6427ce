// The container files are not run by any test here (no images can be pulled): their structure is
// checked instead, so they cannot drift from the code they package (docs/operations.md,
// Containers). deployment.test.ts runs the start script they name.
import { accessSync, constants, existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import {
  apiServices,
  environmentOf,
  interpolate,
  operatorValues,
  readCompose,
} from './compose-file.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');

interface Stage {
  readonly base: string;
  readonly name: string | undefined;
  /** Instructions with continuation lines joined: [keyword, rest]. */
  readonly instructions: readonly (readonly [string, string])[];
}

/** The Dockerfile's stages, each with its instructions. */
function dockerfileStages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: { base: string; name: string | undefined; instructions: [string, string][] }[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const argument = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const [base = '', as, name] = rest;
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push([keyword.toUpperCase(), argument]);
    }
  }
  return stages;
}

const workspacePackages = readdirSync(root + 'packages').filter((name) =>
  existsSync(`${root}packages/${name}/package.json`),
);

describe('Dockerfile', () => {
  const stages = dockerfileStages(read('Dockerfile'));
  const runtime = stages.at(-1)!;
  const last = (keyword: string) => runtime.instructions.filter(([k]) => k === keyword).at(-1)?.[1];
  const copied = runtime.instructions
    .filter(([keyword]) => keyword === 'COPY')
    .map(([, argument]) => argument.split(/\s+/).filter((part) => !part.startsWith('--')));

  it('builds in one stage and runs on Node 24 in another, without the build tools', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.base).toBe('node:24-bookworm-slim');
    const build = stages[0]!;
    expect(build.instructions.some(([k, a]) => k === 'RUN' && /npm run build/.test(a))).toBe(true);
    expect(build.instructions.some(([k, a]) => k === 'RUN' && /--omit=dev/.test(a))).toBe(true);
    // Everything the runtime has comes from the build stage, never from the build context.
    for (const parts of copied) expect(parts.join(' ')).toMatch(/^\S+ \S+$/);
    const fromBuild = runtime.instructions.filter(([k]) => k === 'COPY');
    for (const [, argument] of fromBuild) expect(argument).toContain(`--from=${build.name}`);
  });

  it('installs with every workspace manifest, and ships each package the API imports', () => {
    const buildCopies = stages[0]!.instructions.filter(([k]) => k === 'COPY').map(([, a]) => a);
    for (const name of workspacePackages) {
      expect(buildCopies).toContain(`packages/${name}/package.json packages/${name}/`);
    }
    const api = JSON.parse(read('packages/api/package.json')) as {
      dependencies: Record<string, string>;
    };
    const imported = Object.keys(api.dependencies)
      .filter((name) => name.startsWith('@parkeer/'))
      .map((name) => name.slice('@parkeer/'.length));
    const sources = copied.map(([source]) => source);
    for (const name of [...imported, 'api']) {
      expect(sources).toContain(`/app/packages/${name}/package.json`);
      expect(sources).toContain(`/app/packages/${name}/dist`);
    }
    expect(sources).toContain('/app/packages/web/dist');
    expect(sources).toContain('/app/node_modules');
  });

  it('runs as a user other than root', () => {
    const user = last('USER');
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks health on the readiness endpoint of the port it listens on', () => {
    const check = last('HEALTHCHECK');
    expect(check).toMatch(/CMD/);
    expect(check).toMatch(/\/(readyz|healthz)/);
    expect(runtime.instructions.some(([k, a]) => k === 'ENV' && /PORT=4000/.test(a))).toBe(true);
    expect(last('EXPOSE')).toBe('4000');
  });

  it('starts through the start script, which exists, is executable and is in the image', () => {
    const command = JSON.parse(last('CMD')!) as string[];
    expect(command).toEqual(['packages/api/bin/start']);
    const script = root + command[0]!;
    expect(() => accessSync(script, constants.X_OK)).not.toThrow();
    expect(copied).toContainEqual(['/app/packages/api/bin', './packages/api/bin']);
    // The script starts what the API's build writes (tsconfig.build.json's outDir, src/main.ts).
    expect(readFileSync(script, 'utf8')).toMatch(/^exec node "\$@" dist\/main\.js$/m);
    expect(existsSync(root + 'packages/api/src/main.ts')).toBe(true);
  });

  it('leaves settings and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toContain('.env');
    expect(ignored).toContain('**/node_modules');
  });
});

describe('compose.yaml', () => {
  const services = readCompose().services;
  const apis = apiServices(services);

  it('has PostgreSQL, Redis, a proxy and two instances of one API image', () => {
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(services.redis?.image).toMatch(/^redis:/);
    expect(services.proxy?.image).toMatch(/^(caddy|nginx):/);
    expect(apis.map(([name]) => name)).toEqual(['api-1', 'api-2']);
    expect(new Set(apis.map(([, service]) => service.image)).size).toBe(1);
    // Only the proxy is reachable from outside.
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'proxy') expect(service.ports, name).toBeUndefined();
    }
  });

  it('gives both instances the same database and Redis, and a configuration production accepts', () => {
    const [first, second] = apis.map(([, service]) => environmentOf(service));
    expect(first).toEqual(second);
    expect(first!.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(first!.REDIS_URL).toBe('redis://redis:6379');
    const settings = loadConfig(first!);
    expect(settings.NODE_ENV).toBe('production');
  });

  it('commits no secret: each is a placeholder the operator must fill', () => {
    const [, service] = apis[0]!;
    for (const name of [
      'MOLLIE_API_KEY',
      'IDENTITY_HASH_KEY',
      'SMTP_URL',
      'OAUTH_COOKIE_KEYS',
      'OAUTH_SIGNING_KEY',
    ]) {
      expect(service.environment[name], name).toMatch(/^\$\{\w+:\?[^}]*\}$/);
    }
    expect(service.environment.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(services.postgres!.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(() => environmentOf({ environment: service.environment })).not.toThrow();
    const withoutKey: Record<string, string> = { ...operatorValues };
    delete withoutKey.MOLLIE_API_KEY;
    expect(() =>
      Object.values(service.environment).map((value) => interpolate(String(value), withoutKey)),
    ).toThrow(/MOLLIE_API_KEY is required/);
  });

  it('trusts forwarded headers from the proxy alone', () => {
    const proxyAddress = services.proxy!.networks.parkeer.ipv4_address as string;
    for (const [, service] of apis) expect(service.environment.TRUST_PROXY).toBe(proxyAddress);
  });

  it('proxies to every instance, with WebSockets and the readiness check', () => {
    const caddyfile = read('deploy/Caddyfile');
    expect(services.proxy!.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/);
    expect(upstreams).toEqual(apis.map(([name]) => `${name}:4000`));
    expect(caddyfile).toMatch(/health_uri \/readyz/);
    // Caddy passes WebSocket upgrades on by itself; a header_up or transport that dropped the
    // Upgrade and Connection headers would break graphql-ws.
    expect(caddyfile).not.toMatch(/header_up\s+-?(Upgrade|Connection)/i);
  });
});
