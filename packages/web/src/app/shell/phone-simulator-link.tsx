import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DemoModeQuery } from './demo-banner.js';

/**
 * A link to the phone simulator, shown only where the API runs in demo mode (the simulator's
 * endpoint exists there only; docs/operations.md, Phone line).
 */
export function PhoneSimulatorLink({ text, label }: { text: ReactNode; label: ReactNode }) {
  const [{ data }] = useQuery({ query: DemoModeQuery });
  if (!data?.about.demoMode) return null;
  return (
    <p className="demo-phone-link" data-testid="phone-simulator-link">
      {text} <Link to="/telefoon">{label}</Link>
    </p>
  );
}
