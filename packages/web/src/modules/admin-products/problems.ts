import type { Problem } from '../../app/errors.js';

export { problemsOf, type Problem } from '../../app/errors.js';

/** The messages of problems exactly at `path`. */
export function problemsAt(problems: readonly Problem[], path: string): string[] {
  return problems.filter((problem) => problem.path === path).map((problem) => problem.message);
}

/**
 * The messages of problems at `path` or inside it (`zones` also gets `zones[0]`), for a group of
 * controls that shows the problems of its parts together.
 */
export function problemsWithin(problems: readonly Problem[], path: string): string[] {
  return problems
    .filter(
      (problem) =>
        problem.path === path ||
        problem.path.startsWith(`${path}.`) ||
        problem.path.startsWith(`${path}[`),
    )
    .map((problem) => problem.message);
}

/** The element id of the control for a settings path: stable, so the summary can link to it. */
export function fieldId(path: string): string {
  return `setting-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/**
 * The paths to try, most precise first, to find the control a problem belongs to: a problem of
 * `prices[3].zones[0]` is shown by the zones of line 4 when zone 1 has no control of its own.
 */
export function enclosingPaths(path: string): string[] {
  const paths = [path];
  let rest = path;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    if (cut <= 0) break;
    rest = rest.slice(0, cut);
    paths.push(rest);
  }
  return paths;
}
