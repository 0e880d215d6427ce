/**
 * Where a value sits in a form. The domain and the API name places as `weekly[2].from`; the form
 * kit names the same place `weekly.2.from`. Both are read into the same segments.
 */
export type PathSegment = string | number;

/** `weekly[2].from` or `weekly.2.from` → ['weekly', 2, 'from']. */
export function pathSegments(path: string): PathSegment[] {
  return path
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The kit's name of a place: ['weekly', 2, 'from'] → `weekly.2.from`. */
export const fieldName = (segments: readonly PathSegment[]) => segments.join('.');

/**
 * The element id of the control for a field of a form: stable, so an error summary can link to
 * it, and unique per form (`formId`) when one page holds two forms with the same fields.
 */
export function controlId(formId: string, name: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${safe(formId)}-${safe(name)}`;
}

/**
 * The places to try, most precise first, to find the field a problem belongs to: a problem of
 * `prices.3.zones.0` is shown by the zones of line 4 when zone 1 has no field of its own.
 */
export function enclosingNames(name: string): string[] {
  const segments = pathSegments(name);
  return segments.map((_, index) => fieldName(segments.slice(0, segments.length - index)));
}
