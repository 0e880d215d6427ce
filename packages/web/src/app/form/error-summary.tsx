import { useEffect, useRef, type MouseEvent } from 'react';
import { useFormState, type FieldErrors } from 'react-hook-form';
import { useFormStrings } from './strings.js';
import { useFormFrame } from './form-context.js';
import { controlId, enclosingNames } from './paths.js';

interface Entry {
  readonly name: string;
  readonly message: string;
}

/** Every error of a form, in the order of its fields, each with the field's name. */
export function errorEntries(errors: FieldErrors, at = ''): Entry[] {
  return Object.entries(errors).flatMap(([key, value]): Entry[] => {
    if (!value || typeof value !== 'object') return [];
    const name = at ? `${at}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return [{ name, message }];
    return errorEntries(value as FieldErrors, name);
  });
}

/**
 * The errors of the last submit at the top of the form, each a link to its field (or the group
 * around it) named by its label, so nothing goes unseen on a long page; it takes the focus after
 * a refused submit. The message is beside the field; errors of the whole form (`root`) or of a
 * place with no field show their message here, without a link.
 */
export function ErrorSummary() {
  const { t } = useFormStrings();
  const { id: formId, labels } = useFormFrame();
  const { errors, isSubmitting, submitCount } = useFormState();
  const entries = errorEntries(errors);
  const box = useRef<HTMLDivElement>(null);
  const hasErrors = entries.length > 0;
  useEffect(() => {
    if (!isSubmitting && submitCount > 0 && hasErrors) box.current?.focus();
  }, [isSubmitting, submitCount, hasErrors]);
  if (!hasErrors) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, name: string) => {
    for (const candidate of enclosingNames(name)) {
      const element = document.getElementById(controlId(formId, candidate));
      if (!element) continue;
      event.preventDefault();
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
  };
  const titleId = `${formId}-summary-title`;
  return (
    <div
      ref={box}
      className="notice notice--error form-kit__summary"
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="error-summary"
    >
      <h2 id={titleId} className="form-kit__summary-title">
        {t('summaryTitle', { count: entries.length })}
      </h2>
      <ul>
        {entries.map(({ name, message }) => {
          if (name.startsWith('root')) return <li key={name}>{message}</li>;
          const label = enclosingNames(name)
            .map((candidate) => labels.get(candidate))
            .find(Boolean);
          // The message itself is beside the field (and read with it): here the field's name.
          if (!label) return <li key={name}>{message}</li>;
          return (
            <li key={name}>
              <a href={`#${controlId(formId, name)}`} onClick={(event) => focusField(event, name)}>
                {label}
              </a>
              {/* A place inside a group shows no message of its own: it is said here. */}
              {!labels.has(name) && `: ${message}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
