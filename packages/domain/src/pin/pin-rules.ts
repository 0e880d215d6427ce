/** A PIN's length as the holder may choose it; the letters print four digits (docs/rules.md §6). */
export const pinLength = { min: 4, max: 6 } as const;

export type PinProblem = 'PIN_FORMAT' | 'PIN_TOO_SIMPLE';

/**
 * Why a new PIN cannot be chosen, or null (docs/rules.md §6, "Changing the PIN"): digits only,
 * four to six of them, and not one guessed first: one digit repeated (1111) or a straight run
 * up or down (1234, 9876).
 */
export function pinProblem(pin: string): PinProblem | null {
  if (!new RegExp(`^[0-9]{${pinLength.min},${pinLength.max}}$`).test(pin)) return 'PIN_FORMAT';
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, index) => digit - digits[index]!);
  const straight = (step: number) => steps.every((s) => s === step);
  if (straight(0) || straight(1) || straight(-1)) return 'PIN_TOO_SIMPLE';
  return null;
}
