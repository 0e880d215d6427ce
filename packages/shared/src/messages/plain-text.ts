/**
 * Whether a text has no ICU MessageFormat syntax (no `{`, `}` or `'`), so it shows exactly as
 * written: such a message needs neither parser nor formatter (docs/architecture.md §Strings).
 */
export const isPlainText = (text: string) => !/[{}']/.test(text);
