import { canonicalJson } from '@parkeer/shared/same-value';

/** One field that differs between an audit entry's `before` and `after`. */
export interface FieldChange {
  /** The field's keys from the top, e.g. ['sessionPolicy', 'maxDurationMinutes']; [] for a plain value. */
  readonly path: readonly string[];
  /** The value as stored; undefined: the field was not there. */
  readonly before: unknown;
  readonly after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The leaves of a value by path. Objects are walked into; arrays stay whole, because a list with
 * one element inserted would otherwise show every later element as changed.
 */
function leaves(
  value: unknown,
  path: readonly string[],
  into: Map<string, { path: readonly string[]; value: unknown }>,
) {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, [...path, key], into);
  } else if (value !== undefined) {
    into.set(JSON.stringify(path), { path, value });
  }
  return into;
}

/**
 * What an admin change did, field by field: only the fields whose value differs, in the order
 * they first appear. Values are compared whatever the order of their keys (a list of objects
 * read back from PostgreSQL's jsonb has its keys reordered: docs/rules.md §8). A created subject
 * (no `before`) lists every field as new, a removed one every field as gone.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const old = before == null ? new Map() : leaves(before, [], new Map());
  const now = after == null ? new Map() : leaves(after, [], new Map());
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  return keys
    .filter((key) => {
      const was = old.get(key);
      const is = now.get(key);
      return !was || !is || canonicalJson(was.value) !== canonicalJson(is.value);
    })
    .map((key) => ({
      path: (old.get(key) ?? now.get(key))!.path,
      before: old.get(key)?.value,
      after: now.get(key)?.value,
    }));
}
