import { createHash } from 'node:crypto';

/** A value with its object keys sorted and dates as ISO text: equal requests serialise alike. */
function normalised(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        // An omitted field and an explicit null ask the same.
        .filter(([, field]) => field !== undefined && field !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, field]) => [name, normalised(field)]),
    );
  }
  return value;
}

/** The SHA-256 (hex) of a mutation's input without its key: what a retry must send again. */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(normalised(request)))
    .digest('hex');
}
