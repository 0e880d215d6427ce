const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id from a client can be a key at all. PostgreSQL refuses a malformed uuid with an
 * error, SQLite just finds nothing: checking first makes both answer NOT_FOUND.
 */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
