import { useEffect } from 'react';
import { loginLifetime } from '@parkeer/shared/login-lifetime';

const activityEvents = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/**
 * Logs out a browser nobody used for the login's idle time (docs/rules.md §6), so a shared or lost
 * phone does not stay logged in. The server ends such a login too; this says so at once.
 */
export function useInactivityLogout(
  active: boolean,
  logout: () => void,
  idleMs = loginLifetime.short.idle,
) {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(logout, idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(logout, idleMs);
    };
    for (const event of activityEvents) window.addEventListener(event, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of activityEvents) window.removeEventListener(event, restart);
    };
  }, [active, logout, idleMs]);
}
