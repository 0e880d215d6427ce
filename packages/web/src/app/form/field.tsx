import { useEffect, type ReactNode } from 'react';
import { get, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useFormStrings } from './strings.js';
import { useFormFrame } from './form-context.js';
import { controlId } from './paths.js';

/** What a field's control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/** The error the form holds for a field (its own, from the domain or the API), if any. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const error = get(errors, name) as { message?: unknown } | undefined;
  return typeof error?.message === 'string' && error.message !== '' ? error.message : undefined;
}

/** Tells the error summary the field's label. */
function useLabel(name: string, label: string) {
  const { labels } = useFormFrame();
  useEffect(() => {
    labels.set(name, label);
  }, [labels, name, label]);
}

function Counter({ id, name, max }: { id: string; name: string; max: number }) {
  const { t } = useFormStrings();
  const value = useWatch({ name }) as unknown;
  // Counted as `maxlength` counts (UTF-16 units), so the two agree.
  const count = typeof value === 'string' ? value.length : 0;
  const full = count >= max;
  return (
    <>
      <span id={id} className="field__hint form-kit__counter">
        {t('counter', { count, max })}
      </span>
      {/* The field's `maxlength` drops further typing silently: the limit is said instead. A live
          region must exist before it speaks: always there, out of the layout while empty. */}
      <span role="status" className={full ? 'field__hint' : 'visually-hidden'}>
        {full ? t('counterFull', { max }) : ''}
      </span>
    </>
  );
}

/**
 * A labelled field of a kit form: its hint, its error (after a check) and an optional character
 * counter, all tied to the control for screen readers. Without children it is a text input
 * registered under `name`; with children, they render the control from the props given.
 */
export function Field({
  name,
  label,
  hint,
  required = false,
  counter,
  type = 'text',
  autoComplete = 'off',
  className,
  inputClassName,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Shows how many characters of at most this many are typed (and limits the input). */
  counter?: number;
  type?: 'text' | 'date' | 'email' | 'number' | 'time' | 'datetime-local' | 'search' | 'tel';
  autoComplete?: string;
  className?: string;
  inputClassName?: string;
  children?(control: ControlProps): ReactNode;
}) {
  const { t } = useFormStrings();
  const { id: formId } = useFormFrame();
  const { register } = useFormContext();
  const error = useFieldError(name);
  useLabel(name, label);
  const id = controlId(formId, name);
  const described = [
    hint ? `${id}-hint` : null,
    counter ? `${id}-counter` : null,
    error ? `${id}-error` : null,
  ].filter(Boolean);
  const control: ControlProps = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    'aria-required': required || undefined,
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="form-kit__required">{` (${t('required')})`}</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {children ? (
        children(control)
      ) : (
        <input
          {...control}
          {...register(name)}
          type={type}
          className={inputClassName}
          autoComplete={autoComplete}
          maxLength={counter}
        />
      )}
      {counter && <Counter id={`${id}-counter`} name={name} max={counter} />}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Radio buttons, checkboxes or several controls under one legend, with the error of the group's
 * place (`name`) after them; focusable, so the error summary can lead to it.
 */
export function FieldGroup({
  name,
  legend,
  hint,
  legendHidden = false,
  className,
  children,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  /** The heading just above says the same: the legend is for screen readers only. */
  legendHidden?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { id: formId } = useFormFrame();
  const error = useFieldError(name);
  useLabel(name, legend);
  const id = controlId(formId, name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={className ? `form-kit__group ${className}` : 'form-kit__group'}
      aria-describedby={described.length > 0 ? described.join(' ') : undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {children}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
