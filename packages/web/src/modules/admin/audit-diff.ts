/** One field that differs between an audit entry's `before` and `after`. */
export interface FieldChange {
  /** The field's path, e.g. 'name' or 'regime.timeZone'; '' for a value that is no object. */
  readonly path: string;
  /** Compact JSON; null: the field was not there. */
  readonly before: string | null;
  readonly after: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The leaves of a value by dotted path. Objects are walked into; arrays stay whole, because a
 * list with one element inserted would otherwise show every later element as changed.
 */
function leaves(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) {
      leaves(inner, prefix ? `${prefix}.${key}` : key, into);
    }
  } else if (value !== undefined) {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

/**
 * What an admin change did, field by field: only the fields whose value differs, in the order
 * they first appear. A created subject (no `before`) lists every field as new, a removed one
 * every field as gone.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const old = before == null ? new Map<string, string>() : leaves(before, '', new Map());
  const now = after == null ? new Map<string, string>() : leaves(after, '', new Map());
  const paths = [...new Set([...old.keys(), ...now.keys()])];
  return paths
    .filter((path) => old.get(path) !== now.get(path))
    .map((path) => ({ path, before: old.get(path) ?? null, after: now.get(path) ?? null }));
}
