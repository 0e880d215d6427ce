import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The rule for counts (docs/architecture.md §Strings): an argument is a count when it is named
 * `count`, or after a unit of time (`minutes`, `hours`, `days`, `weeks`, `months`, `years`), or
 * ends in one of those or in `Count` (`maxMinutes`, `sessionCount`). A count is shown only inside
 * a plural on it, so "1 minuut" and "5 minuten" both read right. Other numbers are not counts:
 * `n` numbers a line, `amount`, `limit`, `max` and `min` are bounds or money, often formatted
 * text. Give a number of things a count's name when it is shown with a noun.
 * scripts/icu-catalogues.mjs applies the same rule.
 */
export const countArgument =
  /^(count|(?:[a-z]+)?(?:Count|Minutes|Hours|Days|Weeks|Months|Years)|minutes|hours|days|weeks|months|years)$/;

const PLURAL = 6;
const SELECT = 5;
const LITERAL = 0;
const POUND = 7;

/** The counts a message shows outside a plural on them: a correct message has none. */
export function countsOutsidePlurals(
  elements: readonly MessageFormatElement[],
  pluralsAround: ReadonlySet<string> = new Set(),
): string[] {
  const found: string[] = [];
  for (const element of elements) {
    if (element.type === LITERAL || element.type === POUND) continue;
    if (element.type === PLURAL || element.type === SELECT) {
      const around =
        element.type === PLURAL ? new Set([...pluralsAround, element.value]) : pluralsAround;
      for (const option of Object.values(element.options)) {
        found.push(...countsOutsidePlurals(option.value, around));
      }
    } else if ('value' in element && typeof element.value === 'string') {
      if (countArgument.test(element.value) && !pluralsAround.has(element.value)) {
        found.push(element.value);
      }
    }
  }
  return found;
}

/** Every argument a message uses, sorted: both languages of a message must use the same. */
export function argumentNames(elements: readonly MessageFormatElement[]): string[] {
  const names = new Set<string>();
  const visit = (list: readonly MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type === LITERAL || element.type === POUND) continue;
      if ('value' in element && typeof element.value === 'string') names.add(element.value);
      if ('options' in element) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if ('children' in element) visit(element.children);
    }
  };
  visit(elements);
  return [...names].sort();
}
