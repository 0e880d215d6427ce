/** An address range as the zone-shape form sends it. */
export interface RangeValue {
  readonly postcodeFrom: string;
  readonly postcodeTo: string;
  readonly houseNumberFrom: number;
  readonly houseNumberTo: number;
  readonly parity: 'all' | 'odd' | 'even';
}

const parities: Record<string, RangeValue['parity']> = {
  even: 'even',
  oneven: 'odd',
  odd: 'odd',
  alle: 'all',
  all: 'all',
};

/** One range per line as a line: '2611AA 2611ZZ 1 99 oneven' (the parity word in Dutch). */
export const rangesToText = (ranges: readonly RangeValue[]) =>
  ranges
    .map((range) =>
      [
        range.postcodeFrom,
        range.postcodeTo,
        range.houseNumberFrom,
        range.houseNumberTo,
        ...(range.parity === 'all' ? [] : [range.parity === 'odd' ? 'oneven' : 'even']),
      ].join(' '),
    )
    .join('\n');

/**
 * The ranges an admin typed, one per line, or the number (from 1) of the first line that is
 * none. The server checks the values (postcodes, order) and names each problem.
 */
export function rangesFromText(text: string): RangeValue[] | { readonly badLine: number } {
  const ranges: RangeValue[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const words = lines[index]!.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [from, to, low, high, parity] = words;
    const numbers = [Number(low), Number(high)];
    const parityValue = parity === undefined ? 'all' : parities[parity.toLowerCase()];
    if (words.length > 5 || !to || !numbers.every(Number.isInteger) || !parityValue) {
      return { badLine: index + 1 };
    }
    ranges.push({
      postcodeFrom: from!.toUpperCase(),
      postcodeTo: to.toUpperCase(),
      houseNumberFrom: numbers[0]!,
      houseNumberTo: numbers[1]!,
      parity: parityValue,
    });
  }
  return ranges;
}
