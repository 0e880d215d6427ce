/** docs/rules.md §7: a favorite's name has at most 10 characters. */
export const nameMaxLength = 10;
