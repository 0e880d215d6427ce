import type { MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { enclosingPaths, fieldId, type Problem } from '../problems.js';

const linePattern = /(?:prices|applicationFees|presets)\[(\d+)\]/;

/** Where a problem is, in words: the label of its setting, and the line of a list. */
export function pathLabel(path: string, t: TFunction): string {
  for (const candidate of enclosingPaths(path)) {
    const key = `paths.${candidate.replace(/\[\d+\]/g, '')}`;
    const value = t(key, { returnObjects: true }) as unknown;
    const label =
      typeof value === 'string' && value !== key
        ? value
        : typeof value === 'object' && value !== null
          ? (value as { all?: string }).all
          : undefined;
    if (!label) continue;
    const line = linePattern.exec(path);
    return line ? `${label} (${t('line', { n: Number(line[1]) + 1 })})` : label;
  }
  return path;
}

/** Focuses the control nearest to the problem's path (a line's field, else its group). */
function focusField(event: MouseEvent<HTMLAnchorElement>, path: string) {
  for (const candidate of enclosingPaths(path)) {
    const element = document.getElementById(fieldId(candidate));
    if (!element) continue;
    event.preventDefault();
    element.focus();
    element.scrollIntoView({ block: 'center' });
    return;
  }
}

/**
 * Every problem of the last save at the top of the form, each a link to its field, so nothing
 * goes unseen on a long page. Focused after a refused save.
 */
export function ProblemSummary({
  problems,
  ref,
}: {
  problems: readonly Problem[];
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation('admin-products');
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      className="notice notice--error"
      tabIndex={-1}
      aria-labelledby="settings-problems-title"
      data-testid="problem-summary"
    >
      <h2 id="settings-problems-title" className="admin-products__summary-title">
        {t('form.summaryTitle', { count: problems.length })}
      </h2>
      <p>{t('form.summaryHint')}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <a
              href={`#${fieldId(problem.path)}`}
              onClick={(event) => focusField(event, problem.path)}
            >
              {pathLabel(problem.path, t)}
            </a>
            : {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
