import { stdSerializers } from 'pino';

/**
 * Keys whose values never reach the log, at the top of a line or one level down (`input.email`,
 * `headers.cookie`), in pino's `redact` path syntax. GraphQL variables go whole: they are where
 * plates, e-mail addresses and PINs arrive.
 */
const personalKeys = [
  'email',
  'plate',
  'plates',
  'pin',
  'password',
  'passwordRepeat',
  'token',
  'secret',
  'authorization',
  'cookie',
  'variables',
];
export const redactedPaths = [
  ...personalKeys,
  ...personalKeys.map((key) => `*.${key}`),
  ...['headers', '*.headers'].flatMap((headers) => [
    `${headers}.authorization`,
    `${headers}.cookie`,
    `${headers}["set-cookie"]`,
  ]),
];

// What databases and drivers quote from the data in their messages:
const scrubbers: [RegExp, string][] = [
  // SQL literals, as MikroORM and libsql inline the parameters into the statement they report.
  [/'(?:[^']|'')*'/g, "'?'"],
  // PostgreSQL's detail of a key violation: `Key (plate)=(AB123C) already exists.`
  [/(Key \([^)]*\)=)\((?:[^()]|\([^()]*\))*\)/g, '$1(?)'],
  // …and of a NOT NULL or CHECK violation, which lists the whole row.
  [/(Failing row contains )\(.*\)/g, '$1(?)'],
  // A value after a colon: `invalid input syntax for type uuid: "AB-123-C"`.
  [/(:\s*)"(?:[^"\\]|\\.)*"/g, '$1"?"'],
  // A town's machine key anywhere (docs/security.md, "Machine keys"): its id may stay.
  [/\b(pk_[0-9a-f]{32}_)[A-Za-z0-9_-]{43}/g, '$1[redacted]'],
  // E-mail addresses anywhere.
  [/[^\s@'"()<>,;:[\]]+@[^\s@'"()<>,;:[\]]+\.[A-Za-z]{2,}/g, '[email]'],
];

/** The text with values quoted from data replaced by `?`; identifiers and the wording stay. */
export function scrubText(text: string): string {
  return scrubbers.reduce((scrubbed, [pattern, by]) => scrubbed.replace(pattern, by), text);
}

/** Fields of driver errors that hold the statement's values themselves. */
const parameterKeys = new Set(['params', 'parameters', 'bindings', 'values']);

function scrubDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      parameterKeys.has(key) ? '[redacted]' : scrubDeep(item, depth + 1),
    ]),
  );
}

/**
 * pino's error serializer (type, message, stack, causes, own fields) with every text scrubbed:
 * a database error repeats the statement and the values it failed on (`err.message`,
 * PostgreSQL's `detail`, `where`, …), and those are plates and e-mail addresses.
 */
export function scrubbedErrorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return scrubDeep(error, 0);
  return scrubDeep(stdSerializers.err(error), 0);
}
