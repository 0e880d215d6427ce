import { forwardRef } from 'react';

/**
 * Every rule that refuses, each in its own words (the API's message, in the interface language):
 * the applicant sees all that stands in the way at once, not one thing per try.
 */
export const RefusalList = forwardRef<
  HTMLDivElement,
  {
    title: string;
    reasons: readonly { code: string; message: string }[];
    /** Said as it appears (an answer to what the applicant did); off for a list's own facts. */
    alert?: boolean;
  }
>(function RefusalList({ title, reasons, alert = true }, ref) {
  if (reasons.length === 0) return null;
  return (
    <div
      ref={ref}
      className={alert ? 'notice notice--error' : 'notice notice--warning'}
      role={alert ? 'alert' : undefined}
      tabIndex={-1}
      data-testid="counter-refusal"
    >
      <strong>{title}</strong>
      <ul className="counter__reasons">
        {reasons.map((reason) => (
          <li key={reason.code} data-rule={reason.code}>
            {reason.message}
          </li>
        ))}
      </ul>
    </div>
  );
});

/** The reasons of a refusal, or the refusal itself when it names none besides. */
export function reasonsOf(refusal: {
  code: string;
  message: string;
  reasons: readonly { code: string; message: string }[];
}): readonly { code: string; message: string }[] {
  return refusal.reasons.length > 0 ? refusal.reasons : [refusal];
}
