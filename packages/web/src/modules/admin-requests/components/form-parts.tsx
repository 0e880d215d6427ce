import type { CombinedError } from '@urql/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, type MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { failureOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';

/** What a field's control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled field with an optional hint and its error beside it (the control is the child's). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children(control: ControlProps): ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
      })}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * A refusal of the API in words: what did not happen (`title`) and why, from the shared
 * catalogue (e.g. the year's allowance is used, with the year). Nothing without an error.
 */
export function RefusalNotice({
  error,
  title,
  params,
}: {
  error: CombinedError | null;
  title: string;
  /** Parameters shown otherwise than the API sent them. */
  params?: MessageParams;
}) {
  const { i18n } = useTranslation();
  if (!error) return null;
  const failure = failureOf(error);
  const message = errorMessage(failure.code, currentLanguage(i18n), {
    ...failure.params,
    ...params,
  });
  return (
    <div className="notice notice--error" role="alert">
      <strong>{title}</strong> {message}
    </div>
  );
}

/**
 * After a submit that found problems, focus goes to the first field marked invalid, so a
 * keyboard or screen-reader user lands on what to fix. `attempt` changes with every submit.
 */
export function useFocusFirstInvalid(attempt: number) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [attempt]);
  return form;
}

/** The API's error code, to place a refusal beside the field it is about. */
export const codeOf = (error: CombinedError | undefined | null): string | undefined =>
  error?.graphQLErrors[0]?.extensions?.code as string | undefined;
