import type { Gather } from './simulator-api.js';

/**
 * A key pressed during a gather, as the provider collects them (Twilio's `<Gather>`): the finish
 * key sends what was keyed without itself; reaching the number of digits sends at once. Returns
 * the keys to send, or null while the gather goes on (`keyed` is what was keyed before).
 */
export function gatherKey(
  gather: Gather,
  keyed: string,
  key: string,
): { send: string | null; keyed: string } {
  if (gather.finishKey !== '' && key === gather.finishKey) return { send: keyed, keyed: '' };
  const next = keyed + key;
  if (next.length >= gather.maxDigits) return { send: next, keyed: '' };
  return { send: null, keyed: next };
}
