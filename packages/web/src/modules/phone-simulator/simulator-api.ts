import type { Language } from '@parkeer/shared/language';

/** The API's phone simulator (demo mode only; docs/operations.md, Phone line). */
const simulatorPath = '/demo/phone';

/** One line the phone line said, in the language it was said in (`nl-NL`, `en-GB`). */
export interface SaidLine {
  readonly language: string;
  readonly text: string;
}

/** What the line waits for next: as a provider's gather (keys, the key that ends, seconds). */
export interface Gather {
  readonly maxDigits: number;
  readonly finishKey: string;
  readonly timeoutSeconds: number;
}

/** The line's answer to one event: what it said, and the keys it awaits (null: it hung up). */
export interface SimulatedTurn {
  readonly said: readonly SaidLine[];
  readonly gather: Gather | null;
}

export type CallEvent =
  | { readonly event: 'start' }
  | { readonly event: 'keys'; readonly digits: string }
  | { readonly event: 'noInput' }
  | { readonly event: 'hangUp' };

/** The demo permit to call with; no PIN once its holder changed it. */
export interface SimulatorPermit {
  readonly registrationNumber: string;
  readonly pin: string | null;
}

/** A call id the API takes as the simulator's (`SIM` and letters and digits). */
export function newCallId(): string {
  return `SIM${crypto.randomUUID().replace(/-/g, '')}`;
}

/** Sends one event of the call; throws when the line did not answer. */
export async function sendCallEvent(
  callId: string,
  event: CallEvent,
  language: Language,
): Promise<SimulatedTurn> {
  const response = await fetch(simulatorPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ callId, language, ...event }),
  });
  if (!response.ok) throw new Error(`The phone simulator answered ${response.status}`);
  return (await response.json()) as SimulatedTurn;
}

/** The demo permit, or null where the API has no simulator (outside demo mode). */
export async function fetchSimulatorPermit(): Promise<SimulatorPermit | null> {
  const response = await fetch(simulatorPath, { headers: { accept: 'application/json' } });
  if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) {
    return null;
  }
  return (await response.json()) as SimulatorPermit;
}
