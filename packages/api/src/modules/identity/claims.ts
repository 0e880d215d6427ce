/** A claim by a dotted name (`machtiging.bsn`): brokers nest what they add. */
export function claimAt(claims: Readonly<Record<string, unknown>>, name: string | null): unknown {
  if (!name) return undefined;
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim as text, or null: numbers are read as their digits (a BSN may come as a number). */
export function claimText(
  claims: Readonly<Record<string, unknown>>,
  name: string | null,
): string | null {
  const value = claimAt(claims, name);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}
