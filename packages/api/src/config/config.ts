import { z } from 'zod';

/**
 * Every environment variable the API reads, typed and checked once at start-up. A bad value stops
 * the process with one line per problem (see `ConfigError`), never a stack trace. `.env.example`
 * and the README's "Configuration" section describe the same variables: keep the three in step.
 */

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((value) => value === 'true' || value === '1');

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const positiveMs = (fallback: number) =>
  z.coerce.number().int().min(1).max(3_600_000).default(fallback);

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * Express's `trust proxy`: `false` (default: the socket's address is the client), `true` (trust
 * every hop: only behind a proxy that overwrites X-Forwarded-For), a number of hops, or a
 * comma-separated list of proxy addresses/subnets (`loopback`, `10.0.0.0/8`).
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): boolean | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const list = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (
      list.some(
        (part) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/.test(part),
      )
    ) {
      ctx.addIssue({ code: 'custom', message: 'must be true, false, a hop count or addresses' });
      return z.NEVER;
    }
    return list;
  });

const origins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  )
  .pipe(z.array(httpUrl));

/** argon2's own defaults: what production hashes with at the least. */
export const productionHashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 } as const;

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Address to listen on; all interfaces when unset. */
  HOST: optionalText,
  /** Where residents reach the web app; links in e-mails and payments. Follows PORT when unset. */
  PUBLIC_URL: httpUrl.optional(),
  /** Browser origins besides PUBLIC_URL that may open a WebSocket (partner web apps). */
  ALLOWED_ORIGINS: origins.default([]),
  TRUST_PROXY: trustProxy.default(false),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SQLITE_FILE: optionalText,
  /** Demo towns, accounts, the simulated bank and the demo banner. Never in production. */
  DEMO_MODE: flag.optional(),
  /** Demo data on PostgreSQL as well (the embedded SQLite database always gets it in demo mode). */
  SEED_DEMO: flag.default(false),
  CLOCK_START: optionalText,
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_CHANNEL_PREFIX: optionalText,
  /** `mollie` (production) or `simulated` (the demo bank; development and demo mode only). */
  PAYMENT_PROVIDER: z.enum(['mollie', 'simulated']).optional(),
  MOLLIE_API_KEY: optionalText,
  /** Mollie's API base; the tests point it at their fake. */
  MOLLIE_API_URL: httpUrl.default('https://api.mollie.com/v2'),
  /** Signs the simulated bank's webhooks (development); a random one per process when unset. */
  PAYMENT_WEBHOOK_SECRET: optionalText,
  /**
   * How long one call to the payment provider (open a checkout, read a payment, refund) may take
   * before it counts as failed: the Mollie client itself never gives up on a silent connection.
   */
  PAYMENT_PROVIDER_TIMEOUT_MS: positiveMs(10_000),
  /**
   * The phone line's auth token (Twilio's): it keys the request signature of every webhook
   * (docs/operations.md §Phone line). Unset, the line answers 404 in production; in development
   * and demo mode a random token of this process signs the phone simulator's requests.
   */
  PHONE_WEBHOOK_TOKEN: optionalText,
  /**
   * The key of the keyed hash that stands in for a BSN or KvK number (docs/security.md
   * §Identity). Demo mode and tests use a fixed key when unset; production requires one.
   */
  IDENTITY_HASH_KEY: optionalText,
  /**
   * The authorization server for apps acting for a resident (docs/security.md §Apps acting for a
   * resident): comma-separated keys (each at least 32 characters, the first signs) for its
   * cookies, and the private JWK (JSON) that signs its ID tokens. Production requires both;
   * demo mode and tests use fixed published values.
   */
  OAUTH_COOKIE_KEYS: optionalText,
  OAUTH_SIGNING_KEY: optionalText,
  /** The Test-DigiD / Test-eHerkenning broker at /test-idp: demo mode only. */
  IDENTITY_TEST_BROKER: flag.optional(),
  /**
   * The national registries (docs/architecture.md §Registries). Each unset one counts as
   * unavailable: the counter sends its cases to an official instead of deciding them.
   */
  BRP_API_URL: httpUrl.optional(),
  BRP_API_KEY: optionalText,
  /**
   * The shared secret of the population register's change notifications
   * (POST /registry/brp/notifications, `Authorization: Bearer …`); unset, the endpoint is off.
   */
  BRP_NOTIFICATION_SECRET: optionalText,
  BAG_API_URL: httpUrl.optional(),
  BAG_API_KEY: optionalText,
  RDW_API_URL: httpUrl.optional(),
  RDW_APP_TOKEN: optionalText,
  KVK_API_URL: httpUrl.optional(),
  KVK_API_KEY: optionalText,
  /** How long one call to a registry may take; it is tried once more before it counts as down. */
  REGISTRY_TIMEOUT_MS: positiveMs(3_000),
  /**
   * How long a business's establishments from KvK are reused (in memory, per process, per KvK
   * number) before KvK is asked again; 0 asks every time. KvK charges and limits per call, and one
   * counter visit asks the same list several times (docs/architecture.md §Registries, KvK).
   */
  KVK_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** Fake registries on loopback with the demo's people, addresses, vehicles and businesses. */
  REGISTRY_FAKES: flag.optional(),
  SMTP_URL: optionalText,
  MAIL_FROM: optionalText,
  MAIL_DIR: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  JOB_INTERVAL_MS: positiveMs(1000),
  WEB_DIST: optionalText,
  /**
   * A GraphQL request over HTTP that has not answered by then gets a typed TIMEOUT (503), and
   * nothing it does afterwards commits. Keep it above DB_STATEMENT_TIMEOUT_MS +
   * DB_CONNECT_TIMEOUT_MS, so a slow or silent database answers as such first.
   */
  REQUEST_TIMEOUT_MS: positiveMs(15_000),
  /**
   * PostgreSQL's statement_timeout, lock_timeout and idle_in_transaction_session_timeout
   * (DATABASE_TIMEOUT), on every pooled connection; migrations run without the statement limit.
   * A server silent for DB_STATEMENT_TIMEOUT_MS + DB_CONNECT_TIMEOUT_MS is given up on.
   */
  DB_STATEMENT_TIMEOUT_MS: positiveMs(10_000),
  DB_LOCK_TIMEOUT_MS: positiveMs(5_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveMs(30_000),
  /**
   * How long to wait for a new PostgreSQL connection, or for a free one from the pool, before
   * answering DATABASE_UNAVAILABLE.
   */
  DB_CONNECT_TIMEOUT_MS: positiveMs(3_000),
  /** Redis commands (publish, ping), connecting and ioredis's ready check each get this long. */
  REDIS_COMMAND_TIMEOUT_MS: positiveMs(2_000),
  /** Bearer token a Prometheus scraper sends for /metrics; unset: only loopback clients may read it. */
  METRICS_TOKEN: optionalText,
  /**
   * Password and PIN hashes (argon2) computed at once; each takes a core. Default: the machine's
   * cores. More logins wait in a queue of PASSWORD_HASH_QUEUE; beyond that they get BUSY at once.
   */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  /**
   * argon2id's cost for new password and PIN hashes: memory in KiB, passes, lanes. The defaults
   * are the argon2 library's (OWASP's advice); production refuses anything cheaper. The tests set
   * them low (vitest.config.ts) because hashing demo passwords was most of the suite's CPU.
   */
  PASSWORD_HASH_MEMORY_KIB: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4_194_304)
    .default(productionHashCost.memoryCost),
  PASSWORD_HASH_TIME_COST: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(productionHashCost.timeCost),
  PASSWORD_HASH_PARALLELISM: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(productionHashCost.parallelism),
  /**
   * Open WebSockets one client address may hold (see clientAddressOf). Loopback counts like any
   * other address: a load test from one machine raises it.
   */
  /**
   * A town's machine key's default budgets per minute (docs/security.md, "Machine keys"): requests,
   * and operation cost as the operation limits weigh it. A town admin may set other numbers per key.
   */
  PARTNER_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  PARTNER_KEY_COST_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(100_000),
  WS_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(20),
});

/** The names of every variable read; `.env.example` and the README list each of them. */
export const configVariables = Object.keys(environmentSchema.shape);

export type Config = Readonly<
  Omit<
    z.output<typeof environmentSchema>,
    'DEMO_MODE' | 'PUBLIC_URL' | 'PAYMENT_PROVIDER' | 'IDENTITY_TEST_BROKER' | 'REGISTRY_FAKES'
  > & {
    PUBLIC_URL: string;
    IDENTITY_TEST_BROKER: boolean;
    REGISTRY_FAKES: boolean;
    DEMO_MODE: boolean;
    PAYMENT_PROVIDER: 'mollie' | 'simulated' | null;
    production: boolean;
  }
>;

/** A configuration that cannot run: every problem, each as `NAME: what is wrong`. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Parkeer cannot start; fix the environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

function isPrivateJwk(text: string): boolean {
  try {
    const jwk = JSON.parse(text) as { kty?: unknown; d?: unknown };
    return (jwk.kty === 'RSA' || jwk.kty === 'EC') && typeof jwk.d === 'string';
  } catch {
    return false;
  }
}

/** Reads and checks `env`; throws `ConfigError` with every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `NAME=` (empty) means unset, as in most process managers and in the browser tests' spawns.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const given = typeof env[name] === 'string' ? ` (got ${JSON.stringify(env[name])})` : '';
        return `${name}: ${issue.message}${given}`;
      }),
    );
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  const demoMode = values.DEMO_MODE ?? !production;
  const problems: string[] = [];
  if (production) {
    if (demoMode) problems.push('DEMO_MODE: demo mode is not allowed in production');
    if (values.SEED_DEMO) problems.push('SEED_DEMO: demo data is never seeded in production');
    if (values.CLOCK_START) problems.push('CLOCK_START: not allowed in production');
    if (!values.DATABASE_URL) {
      problems.push('DATABASE_URL: production runs on PostgreSQL (postgres://…)');
    }
    if (!values.PUBLIC_URL) {
      problems.push('PUBLIC_URL: production needs the address residents use (https://…)');
    }
    const cheaper = (
      [
        ['PASSWORD_HASH_MEMORY_KIB', values.PASSWORD_HASH_MEMORY_KIB, 'memoryCost'],
        ['PASSWORD_HASH_TIME_COST', values.PASSWORD_HASH_TIME_COST, 'timeCost'],
        ['PASSWORD_HASH_PARALLELISM', values.PASSWORD_HASH_PARALLELISM, 'parallelism'],
      ] as const
    ).filter(([, value, key]) => value < productionHashCost[key]);
    for (const [name, , key] of cheaper) {
      problems.push(`${name}: production hashes with at least ${productionHashCost[key]}`);
    }
  }
  const paymentProvider = values.PAYMENT_PROVIDER ?? (demoMode ? 'simulated' : null);
  if (paymentProvider === 'simulated' && !demoMode) {
    problems.push('PAYMENT_PROVIDER: the simulated bank is for development and demo mode only');
  }
  if (production && paymentProvider !== 'mollie') {
    problems.push('PAYMENT_PROVIDER: production needs a real payment provider (mollie)');
  }
  if (paymentProvider === 'mollie' && !values.MOLLIE_API_KEY) {
    problems.push('MOLLIE_API_KEY: required with PAYMENT_PROVIDER=mollie');
  }
  // On by default in demo mode; production refuses it when asked for, and never defaults to it.
  const testBroker = values.IDENTITY_TEST_BROKER ?? (demoMode && !production);
  if (testBroker && (production || !demoMode)) {
    problems.push(
      'IDENTITY_TEST_BROKER: the test DigiD / eHerkenning broker is for demo mode only',
    );
  }
  const registryFakes = values.REGISTRY_FAKES ?? (demoMode && !production);
  if (registryFakes && (production || !demoMode)) {
    problems.push('REGISTRY_FAKES: the fake registries are for demo mode only');
  }
  if (production && !values.IDENTITY_HASH_KEY) {
    problems.push('IDENTITY_HASH_KEY: production needs its own key for the BSN hash');
  }
  if (values.IDENTITY_HASH_KEY && values.IDENTITY_HASH_KEY.length < 32) {
    problems.push('IDENTITY_HASH_KEY: at least 32 characters');
  }
  if (production && !values.OAUTH_COOKIE_KEYS) {
    problems.push('OAUTH_COOKIE_KEYS: production needs its own keys for the OAuth cookies');
  }
  if (values.OAUTH_COOKIE_KEYS?.split(',').some((key) => key.trim().length < 32)) {
    problems.push('OAUTH_COOKIE_KEYS: each key at least 32 characters');
  }
  if (production && !values.OAUTH_SIGNING_KEY) {
    problems.push('OAUTH_SIGNING_KEY: production needs its own private JWK');
  }
  if (values.OAUTH_SIGNING_KEY && !isPrivateJwk(values.OAUTH_SIGNING_KEY)) {
    problems.push('OAUTH_SIGNING_KEY: a private JWK as JSON (RSA or EC, with "d")');
  }
  if (values.BRP_NOTIFICATION_SECRET && values.BRP_NOTIFICATION_SECRET.length < 32) {
    problems.push('BRP_NOTIFICATION_SECRET: at least 32 characters');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...values,
    production,
    DEMO_MODE: demoMode,
    PAYMENT_PROVIDER: paymentProvider,
    IDENTITY_TEST_BROKER: testBroker,
    REGISTRY_FAKES: registryFakes,
    PUBLIC_URL: values.PUBLIC_URL ?? `http://localhost:${values.PORT || 4000}`,
  });
}

let current: Config | undefined;

/**
 * The process's configuration, read from `process.env` on first use. main.ts loads it first
 * thing, so a bad value stops the process before anything else starts.
 */
export function config(): Config {
  return (current ??= loadConfig());
}

/** Tests that change `process.env` call this so the next `config()` reads it again. */
export function reloadConfig(): Config {
  current = undefined;
  return config();
}
