import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A success message that replaces the form it answers: it takes the focus, so keyboard and
 * screen-reader users are not left on a button that is gone.
 */
export function SuccessNotice({ children }: { children: ReactNode }) {
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <p ref={notice} className="notice notice--success" role="status" tabIndex={-1}>
      {children}
    </p>
  );
}
