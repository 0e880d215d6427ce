import type { ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { useFormStrings } from './strings.js';

/**
 * The form's submit button: while the form is being sent it says so and takes no second press
 * (a double tap sends once), and stays in the tab order so the focus is not lost.
 */
export function SubmitButton({
  children,
  busy = false,
  className = 'button',
  describedBy,
}: {
  children: ReactNode;
  /** Busy for a reason besides the submit itself, e.g. a mutation started elsewhere. */
  busy?: boolean;
  className?: string;
  /** The id of a text that says what pressing it does (e.g. that it leaves for the bank). */
  describedBy?: string;
}) {
  const { t } = useFormStrings();
  const { isSubmitting } = useFormState();
  const working = busy || isSubmitting;
  return (
    <button
      className={className}
      type="submit"
      aria-describedby={describedBy}
      aria-disabled={working || undefined}
      onClick={(event) => {
        if (working) event.preventDefault();
      }}
    >
      {children}
      {working && <span className="visually-hidden"> ({t('busy')})</span>}
    </button>
  );
}
