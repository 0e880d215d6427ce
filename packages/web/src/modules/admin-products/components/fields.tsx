import {
  cloneElement,
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react';
import { fieldId, problemsAt, problemsWithin, type Problem } from '../problems.js';

/** The problems of the last save, for every field of the form to pick its own from. */
export const ProblemsContext = createContext<readonly Problem[]>([]);

function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={`${id}-error`} className="field__error">
      {messages.join(' ')}
    </span>
  );
}

/**
 * A labelled control for one setting, with its hint and the problems the API named for its
 * path beside it (tied to it for screen readers). The control gets the id the summary links to.
 */
export function Field({
  path,
  label,
  hint,
  extraPaths = [],
  children,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Other paths whose problems this control shows, e.g. the minutes of a duration. */
  extraPaths?: readonly string[];
  children: ReactElement<InputHTMLAttributes<HTMLElement>>;
}) {
  const problems = useContext(ProblemsContext);
  const id = fieldId(path);
  const messages = [path, ...extraPaths].flatMap((at) => problemsAt(problems, at));
  const describedBy = [hint && `${id}-hint`, messages.length > 0 && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': messages.length > 0 || undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <FieldErrors id={id} messages={messages} />
    </div>
  );
}

/**
 * Radio buttons, checkboxes or several controls under one legend; shows the problems of the
 * group's path and of everything inside it that has no control of its own.
 */
export function FieldGroup({
  path,
  legend,
  hint,
  within = false,
  legendHidden = false,
  className = '',
  children,
}: {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** Also the problems of the parts (`zones[0]`), which have no control of their own. */
  within?: boolean;
  /** The heading just above says the same: the legend is for screen readers only. */
  legendHidden?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const problems = useContext(ProblemsContext);
  const id = fieldId(path);
  const messages = within ? problemsWithin(problems, path) : problemsAt(problems, path);
  const describedBy = [hint && `${id}-hint`, messages.length > 0 && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`admin-products__group ${className}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {children}
      <FieldErrors id={id} messages={messages} />
    </fieldset>
  );
}

/** A radio button or checkbox with its label after it. */
export function Choice({
  type,
  name,
  checked,
  label,
  onChange,
  disabled,
}: {
  type: 'radio' | 'checkbox';
  name?: string;
  checked: boolean;
  label: ReactNode;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) {
  return (
    <label className="field--inline admin-products__choice">
      <input
        type={type}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
